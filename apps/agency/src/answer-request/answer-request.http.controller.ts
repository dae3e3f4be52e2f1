import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, type Principal } from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { AgencyCommandEndpoint } from '../acting-agency/agency-command.docs';
import { AgencyCommandRunner } from '../acting-agency/agency-command.runner';
import type { RequestStatusResponse } from '../acting-agency/request-status.response.dto';
import { AnswerRequestRequest } from './answer-request.request.dto';

@ApiTags('agency requests')
@Controller('api/agency/requests')
export class AnswerRequestHttpController {
  constructor(private readonly runner: AgencyCommandRunner) {}

  @Post(':code/answer')
  @AgencyCommandEndpoint(
    'The agency answers the request: positive, negative or partial, with the text for the citizen',
    'Every request gets an answer, a negative one included. Answering from the inbox also acknowledges it.',
  )
  answer(
    @Param('code') code: string,
    @Query() { agency }: ActingAgencyQuery,
    @Body() { outcome, text }: AnswerRequestRequest,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestStatusResponse> {
    const trackingCode = parseTrackingCode(code);
    return this.runner.run(
      caller,
      agency,
      (agencyCode) => ({
        type: 'Answer',
        data: { trackingCode, now: new Date(), agencyCode, outcome, text },
      }),
      correlationId,
    );
  }
}
