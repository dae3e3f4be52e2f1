import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CorrelationId,
  CurrentActor,
  InputValidationError,
  Roles,
  type ActorIdentity,
} from '@samad/service-kit';
import { RegisterRequestHandler } from './register-request.handler';
import { RegisterRequestDto } from './register-request.request.dto';
import { RegisterRequestResponseDto } from './register-request.response.dto';

// Visible ASCII only: the key is stored and compared byte for byte.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class RegisterRequestHttpController {
  constructor(private readonly handler: RegisterRequestHandler) {}

  @Post()
  @ApiOperation({
    summary: 'Register a request, complaint or demand (ثبت درخواست)',
    description:
      'Validates every field at once (400 Problem Details listing each bad field; nothing is stored), ' +
      'draws a tracking code and appends RequestRegistered to the request’s stream. With an ' +
      'Idempotency-Key, a retried submit returns the same request with `Idempotent-Replayed: true`.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 visible ASCII characters' })
  @ApiCreatedResponse({
    type: RegisterRequestResponseDto,
    headers: {
      Location: { description: '/api/track/<trackingCode>', schema: { type: 'string' } },
      'Idempotent-Replayed': { description: 'true on a replay', schema: { type: 'string' } },
    },
  })
  @ApiBadRequestResponse({ description: 'Problem Details with `errors: [{ field, message }]`' })
  @ApiUnprocessableEntityResponse({ description: 'idempotency-key-reused: same key, different body' })
  async register(
    @Body() body: RegisterRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterRequestResponseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new InputValidationError([
        { field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
      ]);
    }
    const { registration, replayed } = await this.handler.execute(body, {
      actor,
      correlationId,
      idempotencyKey,
    });
    response.location(`/api/track/${registration.trackingCode}`);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return registration;
  }
}
