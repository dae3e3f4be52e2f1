import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@samad/service-kit';
import { PersonalDataViewCountsQuery, PersonalDataViewCountsResponse } from './list-personal-data-views.dto';
import { viewWindow } from './list-personal-data-views.http.controller';
import { PersonalDataViewsReadModel } from './personal-data-views.read-model';

@ApiTags('reports')
@Roles('supervisor', 'auditor', 'admin')
@Controller('api/reports')
export class PersonalDataViewCountsHttpController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: PersonalDataViewsReadModel,
  ) {}

  @Get('personal-data-views')
  @ApiOperation({
    summary: 'How often personal data was seen in clear, by role (no names, no reasons)',
    description: 'Counts of the PersonalDataViewed facts viewed in [from, to) when given.',
  })
  @ApiOkResponse({ type: PersonalDataViewCountsResponse })
  @ApiBadRequestResponse({ description: 'A bad window (Problem Details naming it)' })
  async counts(@Query() query: PersonalDataViewCountsQuery): Promise<PersonalDataViewCountsResponse> {
    const { from, to } = viewWindow(query.from, query.to);
    await this.views.catchUp();
    const rows: { role: string | null; views: number; requests: number }[] = await this.dataSource.query(
      `SELECT viewer_role AS role, count(*)::int AS views, count(DISTINCT tracking_code)::int AS requests
         FROM reporting.personal_data_views
        WHERE ($1::timestamptz IS NULL OR viewed_at >= $1) AND ($2::timestamptz IS NULL OR viewed_at < $2)
        GROUP BY GROUPING SETS ((viewer_role), ())`,
      [from, to],
    );
    const all = rows.find((r) => r.role === null);
    return {
      window: { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null },
      total: all?.views ?? 0,
      requests: all?.requests ?? 0,
      byRole: Object.fromEntries(rows.filter((r) => r.role !== null).map((r) => [r.role, r.views])),
    };
  }
}
