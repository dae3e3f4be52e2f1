import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, type Principal } from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { AgencyCommandEndpoint } from '../acting-agency/agency-command.docs';
import { AgencyCommandRunner } from '../acting-agency/agency-command.runner';
import type { RequestStatusResponse } from '../acting-agency/request-status.response.dto';

export class RequestInformationRequest {
  @ApiProperty({ example: 'نشانی دقیق و پلاک محل را اعلام کنید', minLength: 5, maxLength: 1000 })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  question!: string;
}

@ApiTags('agency requests')
@Controller('api/agency/requests')
export class RequestInformationHttpController {
  constructor(private readonly runner: AgencyCommandRunner) {}

  @Post(':code/information-requests')
  @AgencyCommandEndpoint(
    'The agency asks the citizen for more information; the clock pauses',
    'No deadline fact is recorded while paused; when the operator records the answer the due date moves ' +
      'by the working time it was paused. One question at a time (409).',
  )
  requestInformation(
    @Param('code') code: string,
    @Query() { agency }: ActingAgencyQuery,
    @Body() { question }: RequestInformationRequest,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestStatusResponse> {
    const trackingCode = parseTrackingCode(code);
    return this.runner.run(
      caller,
      agency,
      (agencyCode) => ({
        type: 'RequestInformation',
        data: { trackingCode, now: new Date(), agencyCode, question, requestedBy: caller.id },
      }),
      correlationId,
    );
  }
}
