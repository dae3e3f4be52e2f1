import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, type Principal } from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { AgencyCommandEndpoint } from '../acting-agency/agency-command.docs';
import { AgencyCommandRunner } from '../acting-agency/agency-command.runner';
import type { RequestStatusResponse } from '../acting-agency/request-status.response.dto';
import { ReturnRequestRequest } from './return-request.request.dto';

@ApiTags('agency requests')
@Controller('api/agency/requests')
export class ReturnRequestHttpController {
  constructor(private readonly runner: AgencyCommandRunner) {}

  @Post(':code/return')
  @AgencyCommandEndpoint(
    'The agency returns the request as not its responsibility',
    'It leaves the inbox; routing sends it to the next responsible agency, or to a supervisor.',
  )
  return(
    @Param('code') code: string,
    @Query() { agency }: ActingAgencyQuery,
    @Body() { reason }: ReturnRequestRequest,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestStatusResponse> {
    const trackingCode = parseTrackingCode(code);
    return this.runner.run(
      caller,
      agency,
      (agencyCode) => ({
        type: 'ReturnAsNotResponsible',
        data: { trackingCode, now: new Date(), agencyCode, reason },
      }),
      correlationId,
    );
  }
}
