import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, defaultPageSize, pagingDescription } from '@samad/service-kit';
import { OverdueRequestsHandler, type OverdueRequests } from './overdue-requests.handler';
import { OverdueRequestsQueryDto } from './overdue-requests.query.dto';
import { OverdueRequestsResponseDto } from './overdue-requests.response.dto';

@ApiTags('reports')
@Roles('supervisor', 'auditor', 'admin')
@Controller('api/reports')
export class OverdueRequestsHttpController {
  constructor(private readonly handler: OverdueRequestsHandler) {}

  @Get('overdue')
  @ApiOperation({
    summary: 'Open requests past their due date, most overdue first (paged, with the total)',
    description:
      'Requests an agency holds (routed, acknowledged or referred) whose due date has passed. ' +
      pagingDescription,
  })
  @ApiOkResponse({ type: OverdueRequestsResponseDto })
  @ApiBadRequestResponse({ description: 'Problem Details naming the bad parameter' })
  overdue(@Query() query: OverdueRequestsQueryDto): Promise<OverdueRequests> {
    return this.handler.execute({
      agency: query.agency,
      county: query.county,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? query.limit ?? defaultPageSize,
      now: new Date(),
    });
  }
}
