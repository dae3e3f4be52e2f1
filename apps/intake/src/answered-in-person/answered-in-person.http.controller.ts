import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Roles, type Principal } from '@samad/service-kit';
import { RegisterRequestHandler } from '../register-request/register-request.handler';
import { AnsweredInPersonRequestDto, AnsweredInPersonResponseDto } from './answered-in-person.dto';
import { idempotencyKeyOf, RegistrationResponses } from '../register-request/registration.http-docs';

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
  @RegistrationResponses(AnsweredInPersonResponseDto)
  @ApiForbiddenResponse({
    description: 'category-not-routed-to-agency: the rules send this category elsewhere in that county',
  })
  async registerAnswered(
    @Body() body: AnsweredInPersonRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AnsweredInPersonResponseDto> {
    idempotencyKeyOf(idempotencyKey);
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
