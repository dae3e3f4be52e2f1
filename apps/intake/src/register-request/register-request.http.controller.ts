import { Body, Controller, Headers, Inject, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import type { SealedAttachments } from '@samad/personal-data';
import {
  CorrelationId,
  CurrentActor,
  EVENT_STORE,
  InputValidationError,
  Roles,
  SEALED_ATTACHMENTS,
  type ActorIdentity,
} from '@samad/service-kit';
import { attachFile } from '../attachments/attach-file';
import { attachmentResponseOf } from '../attachments/attachment.response.dto';
import { RegisterRequestHandler } from './register-request.handler';
import { RegisterRequestDto } from './register-request.request.dto';
import { RegisterRequestResponseDto } from './register-request.response.dto';
import {
  MAX_REGISTRATION_FILES,
  RegistrationUploadInterceptor,
  registrationFilesOf,
} from './registration-upload.interceptor';
import { idempotencyKeyOf, RegistrationResponses } from './registration.http-docs';

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class RegisterRequestHttpController {
  constructor(
    private readonly handler: RegisterRequestHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SEALED_ATTACHMENTS) private readonly attachments: SealedAttachments,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @UseInterceptors(RegistrationUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    summary: 'Register a request, complaint or demand (ثبت درخواست)',
    description:
      'Validates every field at once (400 Problem Details listing each bad field; nothing is stored), ' +
      'draws a tracking code and appends RequestRegistered to the request’s stream. With an ' +
      'Idempotency-Key, a retried submit returns the same request with `Idempotent-Replayed: true`. ' +
      `As multipart/form-data (ADR 29): a \`registration\` part with this JSON and up to ${MAX_REGISTRATION_FILES} ` +
      'files (PDF, JPEG, PNG by content, each within ATTACHMENT_MAX_BYTES). Every file is checked before ' +
      'anything is registered (415/413, nothing stored); then the request is registered and each file ' +
      'sealed and recorded (AttachmentAdded), answered as `attachments`. Send an Idempotency-Key: a retry ' +
      'after a failure midway attaches only the files the request does not hold yet (by SHA-256).',
  })
  @RegistrationResponses(RegisterRequestResponseDto)
  async register(
    @Body() body: RegisterRequestDto,
    @Req() req: Request,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterRequestResponseDto> {
    idempotencyKeyOf(idempotencyKey);
    const files = registrationFilesOf(req);
    // Every file is checked before anything is registered: a refused one leaves nothing behind.
    for (const file of files) this.attachments.check(file.bytes);
    if (files.length > 0 && body.answeredAtFirstContact) {
      throw new InputValidationError([
        { field: 'files', message: 'a request answered at first contact is closed: it takes no files' },
      ]);
    }
    const { registration, replayed } = await this.handler.execute(body, {
      actor,
      correlationId,
      idempotencyKey,
    });
    response.location(`/api/track/${registration.trackingCode}`);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    if (files.length === 0) return registration;
    const ctx = {
      store: this.store,
      attachments: this.attachments,
      dataSource: this.dataSource,
      actor,
      correlationId,
    };
    const attached = [];
    for (const file of files) {
      attached.push(
        attachmentResponseOf(
          await attachFile(ctx, registration.trackingCode, file.bytes, { skipSameContent: true }),
        ),
      );
    }
    return { ...registration, attachments: attached };
  }
}
