import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import type { SealedAttachments } from '@samad/personal-data';
import { parseTrackingCode } from '@samad/request-lifecycle';
import {
  CorrelationId,
  CurrentActor,
  EVENT_STORE,
  Roles,
  SEALED_ATTACHMENTS,
  type ActorIdentity,
} from '@samad/service-kit';
import { asFieldProblems } from '../shared/field-path';
import { AttachmentResponseDto, attachmentResponseOf } from './attachment.response.dto';
import { attachFile } from './attach-file';
import { readUpload } from './read-upload';

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class AddAttachmentHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SEALED_ATTACHMENTS) private readonly attachments: SealedAttachments,
    private readonly dataSource: DataSource,
  ) {}

  @Post(':code/attachments')
  @ApiOperation({
    summary: 'Attach a scanned letter or photo (PDF, JPEG, PNG) to a request',
    description:
      'multipart/form-data (the first file, any field name) or the raw bytes with any content type. The type ' +
      'is read from the content (magic bytes), never the name or the declared type; over ATTACHMENT_MAX_BYTES ' +
      'answers 413. Sealed under the citizen’s key (erasure destroys it); AttachmentAdded (metadata only) ' +
      'is appended to the request’s stream.',
  })
  @ApiConsumes(
    'multipart/form-data',
    'application/pdf',
    'image/jpeg',
    'image/png',
    'application/octet-stream',
  )
  @ApiParam({ name: 'code', description: 'Tracking code' })
  @ApiCreatedResponse({ type: AttachmentResponseDto })
  @ApiNotFoundResponse({ description: 'No such request' })
  async add(
    @Param('code') code: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<AttachmentResponseDto> {
    const trackingCode = asFieldProblems(() => parseTrackingCode(code, 'code'));
    const bytes = await readUpload(req, this.attachments.maxBytes);
    this.attachments.check(bytes);
    const metadata = await attachFile(
      { store: this.store, attachments: this.attachments, dataSource: this.dataSource, actor, correlationId },
      trackingCode,
      bytes,
    );
    res.location(`/api/requests/${trackingCode}/attachments/${metadata.id}`);
    return attachmentResponseOf(metadata);
  }
}
