import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@samad/service-kit';
import { RoutingRulesResponse } from './routing-rule.response.dto';
import { readRules } from './rule-view';

@ApiTags('routing rules')
@Roles(
  'operator',
  'supervisor',
  'official',
  'admin',
  'auditor',
  'agency_staff',
  'agency_system',
  'agency_manager',
)
@Controller('api/routing/rules')
export class ListRulesHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Routing rules (category × county → agency), county rules before the fallback' })
  @ApiOkResponse({ type: RoutingRulesResponse })
  async list(): Promise<RoutingRulesResponse> {
    return { items: await readRules(this.dataSource) };
  }
}
