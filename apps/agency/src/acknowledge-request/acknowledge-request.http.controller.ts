import { Controller, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, type Principal } from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { AgencyCommandEndpoint } from '../acting-agency/agency-command.docs';
import { AgencyCommandRunner } from '../acting-agency/agency-command.runner';
import type { RequestStatusResponse } from '../acting-agency/request-status.response.dto';

@ApiTags('agency requests')
@Controller('api/agency/requests')
export class AcknowledgeRequestHttpController {
  constructor(private readonly runner: AgencyCommandRunner) {}

  @Post(':code/acknowledge')
  @AgencyCommandEndpoint('The agency confirms it has the request and is working on it')
  acknowledge(
    @Param('code') code: string,
    @Query() { agency }: ActingAgencyQuery,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestStatusResponse> {
    const trackingCode = parseTrackingCode(code);
    return this.runner.run(
      caller,
      agency,
      (agencyCode) => ({ type: 'Acknowledge', data: { trackingCode, now: new Date(), agencyCode } }),
      correlationId,
    );
  }
}
