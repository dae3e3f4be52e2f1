import { formatJalali } from '@samad/request-lifecycle';
import type { Sql } from '../routing-data/routing-data.queries';
import type { RoutingRuleResponse } from './routing-rule.response.dto';

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
  changedBy: string | null;
  changedAt: Date | null;
}

const view = (r: RuleRow): RoutingRuleResponse => ({
  id: r.id,
  category: {
    code: r.categoryCode,
    nameFa: r.categoryFa,
    nameEn: r.categoryEn,
    deadlineDays: r.deadlineDays,
  },
  county:
    r.countyCode === null ? null : { code: r.countyCode, nameFa: r.countyFa ?? '', nameEn: r.countyEn ?? '' },
  agency: { code: r.agencyCode, nameFa: r.agencyFa, nameEn: r.agencyEn },
  priority: r.priority,
  // Seeded rules were never changed by anyone: the fields are absent, as for category deadlines.
  ...(r.changedBy !== null && { changedBy: r.changedBy }),
  ...(r.changedAt !== null && {
    changedAt: r.changedAt.toISOString(),
    changedAtJalali: formatJalali(r.changedAt),
  }),
});

/** The rules with their names, county rules before the fallback; one rule when `id` is given. */
export async function readRules(sql: Sql, id?: number): Promise<RoutingRuleResponse[]> {
  const rows: RuleRow[] = await sql.query(
    `
      SELECT r.id, r.priority, r.changed_by AS "changedBy", r.changed_at AS "changedAt",
             c.code AS "categoryCode", c.name_fa AS "categoryFa", c.name_en AS "categoryEn",
             c.deadline_days AS "deadlineDays",
             r.county_code AS "countyCode", co.name_fa AS "countyFa", co.name_en AS "countyEn",
             a.code AS "agencyCode", a.name_fa AS "agencyFa", a.name_en AS "agencyEn"
        FROM routing.rules r
        JOIN routing.categories c ON c.code = r.category_code
        JOIN routing.agencies a ON a.code = r.agency_code
        LEFT JOIN routing.counties co ON co.code = r.county_code
       WHERE $1::int IS NULL OR r.id = $1
       ORDER BY r.category_code, r.county_code NULLS LAST, r.priority DESC, r.id`,
    [id ?? null],
  );
  return rows.map(view);
}
