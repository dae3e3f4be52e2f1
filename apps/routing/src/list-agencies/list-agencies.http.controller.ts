import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@samad/service-kit';
import { AgenciesResponse } from '../routing-data/named.response.dto';
import { listAgencies } from '../routing-data/routing-data.queries';

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
@Controller('api/routing/agencies')
export class ListAgenciesHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Agencies a request can be routed to' })
  @ApiOkResponse({ type: AgenciesResponse })
  async list(): Promise<AgenciesResponse> {
    return { items: await listAgencies(this.dataSource) };
  }
}
