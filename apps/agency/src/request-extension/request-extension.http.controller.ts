import { randomUUID } from 'node:crypto';
import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, type Principal } from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { AgencyCommandEndpoint } from '../acting-agency/agency-command.docs';
import { AgencyCommandRunner } from '../acting-agency/agency-command.runner';
import { RequestExtensionRequest, RequestExtensionResponse } from './request-extension.request.dto';

@ApiTags('agency requests')
@Controller('api/agency/requests')
export class RequestExtensionHttpController {
  constructor(private readonly runner: AgencyCommandRunner) {}

  @Post(':code/extension-requests')
  @AgencyCommandEndpoint(
    'The agency asks a supervisor for more time on a request it holds',
    'With a reason and a proposed due date, after the current one. At most one waits at a time (409). ' +
      'A supervisor approves or refuses it in routing; an approval starts a new deadline.',
  )
  async requestExtension(
    @Param('code') code: string,
    @Query() { agency }: ActingAgencyQuery,
    @Body() body: RequestExtensionRequest,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestExtensionResponse> {
    const trackingCode = parseTrackingCode(code);
    const extensionId = randomUUID();
    const status = await this.runner.run(
      caller,
      agency,
      (agencyCode) => ({
        type: 'RequestExtension',
        data: {
          trackingCode,
          now: new Date(),
          agencyCode,
          extensionId,
          proposedDueAt: new Date(body.proposedDueAt),
          reason: body.reason,
          requestedBy: caller.id,
        },
      }),
      correlationId,
    );
    return { ...status, extensionId };
  }
}
