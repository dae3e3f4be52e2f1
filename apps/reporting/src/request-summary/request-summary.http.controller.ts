import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InputValidationError, Roles } from '@samad/service-kit';
import { RequestSummaryHandler } from './request-summary.handler';
import { RequestSummaryQueryDto } from './request-summary.query.dto';
import type { RequestSummary } from './request-summary.report';
import { RequestSummaryResponseDto } from './request-summary.response.dto';

@ApiTags('reports')
@Roles('supervisor', 'auditor', 'admin')
@Controller('api/reports')
export class RequestSummaryHttpController {
  constructor(private readonly handler: RequestSummaryHandler) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Counts by status, agency, county, category and channel; time to answer; agencies ranked',
    description:
      'Over requests registered in [from, to) when given. Agencies are ranked by the share answered on time, then mean time to answer.',
  })
  @ApiOkResponse({ type: RequestSummaryResponseDto })
  @ApiBadRequestResponse({ description: 'Problem Details naming the bad parameter' })
  summary(@Query() query: RequestSummaryQueryDto): Promise<RequestSummary> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from.getTime() >= to.getTime()) {
      throw new InputValidationError([{ field: 'to', message: 'to must be after from' }]);
    }
    return this.handler.execute({ from, to, now: new Date() });
  }
}
