import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, CurrentPrincipal, type Principal } from '@samad/service-kit';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { AgencyCommandEndpoint } from '../acting-agency/agency-command.docs';
import { AgencyCommandRunner } from '../acting-agency/agency-command.runner';
import type { RequestStatusResponse } from '../acting-agency/request-status.response.dto';

export class ReportOnDirectiveRequest {
  @ApiProperty({
    example: 'کارشناس اعزام شد و انشعاب غیرمجاز قطع گردید',
    minLength: 5,
    maxLength: 2000,
    description: 'What the agency did about the directive (sealed in the store, never on a topic)',
  })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  report!: string;
}

@ApiTags('agency requests')
@Controller('api/agency/requests')
export class ReportDirectiveHttpController {
  constructor(private readonly runner: AgencyCommandRunner) {}

  @Post(':code/directives/:id/report')
  @AgencyCommandEndpoint(
    'The agency reports on a directive given to it on a request (ADR 37)',
    'Once per directive (a second report is 409 DIRECTIVE_ALREADY_REPORTED); a report after the due time ' +
      'is recorded as late. Another agency’s directive, or an unknown one, answers 404.',
  )
  async report(
    @Param('code') code: string,
    @Param('id') directiveId: string,
    @Query() { agency }: ActingAgencyQuery,
    @Body() body: ReportOnDirectiveRequest,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestStatusResponse> {
    const trackingCode = parseTrackingCode(code);
    return this.runner.run(
      caller,
      agency,
      (agencyCode) => ({
        type: 'ReportOnDirective',
        data: {
          trackingCode,
          now: new Date(),
          agencyCode,
          directiveId,
          report: body.report,
          reportedBy: caller.id,
        },
      }),
      correlationId,
    );
  }
}
