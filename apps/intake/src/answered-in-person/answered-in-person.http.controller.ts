import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CorrelationId,
  CurrentPrincipal,
  InputValidationError,
  Roles,
  type Principal,
} from '@samad/service-kit';
import { RegisterRequestHandler } from '../register-request/register-request.handler';
import { AnsweredInPersonRequestDto, AnsweredInPersonResponseDto } from './answered-in-person.dto';

// Visible ASCII only, as for an operator's registration.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

@ApiTags('requests')
@Roles('agency_manager')
@Controller('api/requests')
export class AnsweredInPersonHttpController {
  constructor(private readonly handler: RegisterRequestHandler) {}

  @Post('answered-in-person')
  @ApiOperation({
    summary: 'A manager registers and answers in one step (ثبت و پاسخ حضوری مدیر دستگاه)',
    description:
      "ADR 38: an agency's manager at the centre takes the caller. Registered as an operator's " +
      "registration is, routed to the manager's agency (`routedBy: manager`), acknowledged and answered " +
      '(`inPerson: true`) in one append; the citizen is told and may give a verdict as for any answer. ' +
      "The category must be one the rules route to the manager's agency in that county.",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 visible ASCII characters' })
  @ApiCreatedResponse({
    type: AnsweredInPersonResponseDto,
    headers: {
      Location: { description: '/api/track/<trackingCode>', schema: { type: 'string' } },
      'Idempotent-Replayed': { description: 'true on a replay', schema: { type: 'string' } },
    },
  })
  @ApiBadRequestResponse({ description: 'Problem Details with `errors: [{ field, message }]`' })
  @ApiForbiddenResponse({
    description: 'category-not-routed-to-agency: the rules send this category elsewhere in that county',
  })
  @ApiUnprocessableEntityResponse({ description: 'idempotency-key-reused: same key, different body' })
  async registerAnswered(
    @Body() body: AnsweredInPersonRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AnsweredInPersonResponseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new InputValidationError([
        { field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
      ]);
    }
    // The guard let only agency managers in, and the verifier bound each to a known agency.
    const agencyCode = principal.agencyCode as string;
    const { answeredInPerson: answer, ...registration } = body;
    const { registration: registered, replayed } = await this.handler.execute(
      registration,
      { actor: { id: principal.id, role: principal.role }, correlationId, idempotencyKey },
      { agencyCode, outcome: answer.outcome, text: answer.text },
    );
    response.location(`/api/track/${registered.trackingCode}`);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return registered;
  }
}
