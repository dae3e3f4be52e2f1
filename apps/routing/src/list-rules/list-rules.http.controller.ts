import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@samad/service-kit';
import { RoutingRulesResponse } from './routing-rule.response.dto';

interface RuleRow {
  id: number;
  categoryCode: string;
  categoryFa: string;
  categoryEn: string;
  deadlineDays: number;
  countyCode: string | null;
  countyFa: string | null;
  countyEn: string | null;
  agencyCode: string;
  agencyFa: string;
  agencyEn: string;
  priority: number;
}

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
    const rows: RuleRow[] = await this.dataSource.query(`
      SELECT r.id, r.priority,
             c.code AS "categoryCode", c.name_fa AS "categoryFa", c.name_en AS "categoryEn",
             c.deadline_days AS "deadlineDays",
             r.county_code AS "countyCode", co.name_fa AS "countyFa", co.name_en AS "countyEn",
             a.code AS "agencyCode", a.name_fa AS "agencyFa", a.name_en AS "agencyEn"
        FROM routing.rules r
        JOIN routing.categories c ON c.code = r.category_code
        JOIN routing.agencies a ON a.code = r.agency_code
        LEFT JOIN routing.counties co ON co.code = r.county_code
       ORDER BY r.category_code, r.county_code NULLS LAST, r.priority DESC, r.id`);
    const items = rows.map((r) => ({
      id: r.id,
      category: {
        code: r.categoryCode,
        nameFa: r.categoryFa,
        nameEn: r.categoryEn,
        deadlineDays: r.deadlineDays,
      },
      county:
        r.countyCode === null
          ? null
          : { code: r.countyCode, nameFa: r.countyFa ?? '', nameEn: r.countyEn ?? '' },
      agency: { code: r.agencyCode, nameFa: r.agencyFa, nameEn: r.agencyEn },
      priority: r.priority,
    }));
    return { items };
  }
}
