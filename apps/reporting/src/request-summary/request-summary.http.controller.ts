import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InputValidationError, Roles } from '@samad/service-kit';
import { parseAsOfMoment } from '@samad/request-lifecycle';
import { RequestSummaryAsOfHandler } from './request-summary-as-of.handler';
import { RequestSummaryHandler } from './request-summary.handler';
import { RequestSummaryQueryDto } from './request-summary.query.dto';
import type { RequestSummary } from './request-summary.report';
import { RequestSummaryResponseDto } from './request-summary.response.dto';

@ApiTags('reports')
@Roles('supervisor', 'auditor', 'admin')
@Controller('api/reports')
export class RequestSummaryHttpController {
  constructor(
    private readonly handler: RequestSummaryHandler,
    private readonly asOfHandler: RequestSummaryAsOfHandler,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Counts by status, agency, county, category and channel; time to answer; agencies ranked',
    description:
      'Over requests registered in [from, to) when given. Agencies are ranked by the share answered on time, then mean time to answer. ' +
      'With asOf, the summary as it stood then, replayed from the event store (ADR 0031).',
  })
  @ApiOkResponse({ type: RequestSummaryResponseDto })
  @ApiBadRequestResponse({ description: 'Problem Details naming the bad parameter' })
  summary(@Query() query: RequestSummaryQueryDto): Promise<RequestSummary> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from.getTime() >= to.getTime()) {
      throw new InputValidationError([{ field: 'to', message: 'to must be after from' }]);
    }
    const now = new Date();
    if (query.asOf === undefined) return this.handler.execute({ from, to, now });
    const asOf = parseAsOfMoment(query.asOf);
    if (!asOf) {
      throw new InputValidationError([
        {
          field: 'asOf',
          message: 'asOf must be an ISO-8601 instant or a Jalali date (e.g. 1404/09/11 14:30)',
        },
      ]);
    }
    // Nothing is recorded after now: a later moment (e.g. the end of today) is now.
    return this.asOfHandler.execute({ from, to, asOf: asOf.getTime() > now.getTime() ? now : asOf });
  }
}
