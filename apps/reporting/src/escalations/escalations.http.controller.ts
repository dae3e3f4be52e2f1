import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, defaultPageSize, pagingDescription } from '@samad/service-kit';
import { EscalationsHandler, type Escalations } from './escalations.handler';
import { EscalationsQueryDto } from './escalations.query.dto';
import { EscalationsResponseDto } from './escalations.response.dto';

@ApiTags('reports')
@Roles('supervisor', 'auditor', 'admin')
@Controller('api/reports')
export class EscalationsHttpController {
  constructor(private readonly handler: EscalationsHandler) {}

  @Get('escalations')
  @ApiOperation({
    summary: 'Requests escalated after a missed deadline, inspection office first (paged, with the total)',
    description:
      "Level 1 goes to the agency's manager when a deadline is missed; level 2 to the governor's inspection " +
      'office after ESCALATION_INSPECTION_WORKING_DAYS more working days without an answer. ' +
      pagingDescription,
  })
  @ApiOkResponse({ type: EscalationsResponseDto })
  @ApiBadRequestResponse({ description: 'Problem Details naming the bad parameter' })
  escalations(@Query() query: EscalationsQueryDto): Promise<Escalations> {
    return this.handler.execute({
      agency: query.agency,
      county: query.county,
      level: query.level,
      openOnly: query.open ?? true,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? query.limit ?? defaultPageSize,
      now: new Date(),
    });
  }
}
