import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, type Principal } from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { AgencyCommandEndpoint } from '../acting-agency/agency-command.docs';
import { AgencyCommandRunner } from '../acting-agency/agency-command.runner';
import type { RequestStatusResponse } from '../acting-agency/request-status.response.dto';
import { ReferRequestRequest } from './refer-request.request.dto';

@ApiTags('agency requests')
@Controller('api/agency/requests')
export class ReferRequestHttpController {
  constructor(private readonly runner: AgencyCommandRunner) {}

  @Post(':code/refer')
  @AgencyCommandEndpoint(
    'The agency refers the request to a unit or staff member inside it',
    'Referring straight from the inbox also acknowledges the request. Give `unit`, `toStaff` or both.',
  )
  refer(
    @Param('code') code: string,
    @Query() { agency }: ActingAgencyQuery,
    @Body() body: ReferRequestRequest,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestStatusResponse> {
    const trackingCode = parseTrackingCode(code);
    const { unit, toStaff, note } = body;
    return this.runner.run(
      caller,
      agency,
      (agencyCode) => ({
        type: 'ReferInsideAgency',
        data: { trackingCode, now: new Date(), agencyCode, unit, toStaff, note },
      }),
      correlationId,
    );
  }
}
