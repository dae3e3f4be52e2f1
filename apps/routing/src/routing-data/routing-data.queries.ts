import type { EntityManager } from 'typeorm';
import { addWorkingDays } from '@samad/request-lifecycle';
import type { RoutingRule } from '../route-by-rules/choose-agency';

/** A DataSource or a transaction's EntityManager: both run plain SQL. */
export type Sql = Pick<EntityManager, 'query'>;

export interface NamedRow {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

export async function rulesForCategory(sql: Sql, categoryCode: string): Promise<RoutingRule[]> {
  return sql.query(
    `SELECT id, category_code AS "categoryCode", county_code AS "countyCode",
            agency_code AS "agencyCode", priority
       FROM routing.rules WHERE category_code = $1`,
    [categoryCode],
  );
}

export async function findAgency(sql: Sql, code: string): Promise<NamedRow | undefined> {
  const [row] = await sql.query(
    'SELECT code, name_fa AS "nameFa", name_en AS "nameEn" FROM routing.agencies WHERE code = $1',
    [code],
  );
  return row;
}

export async function listAgencies(sql: Sql): Promise<NamedRow[]> {
  return sql.query(
    'SELECT code, name_fa AS "nameFa", name_en AS "nameEn" FROM routing.agencies ORDER BY code',
  );
}

/**
 * When the agency must answer a request of this category routed `now`: the category's deadline in
 * working days, skipping Fridays and routing.holidays. Undefined for a category routing does not know.
 */
export async function dueDateFor(sql: Sql, categoryCode: string, now: Date): Promise<Date | undefined> {
  const [category] = await sql.query(
    'SELECT deadline_days AS "deadlineDays" FROM routing.categories WHERE code = $1',
    [categoryCode],
  );
  if (!category) return undefined;
  // Only days from today on can matter; the calendar works in Tehran dates.
  const holidays: { day: string }[] = await sql.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM routing.holidays
      WHERE day >= ($1::timestamptz AT TIME ZONE 'Asia/Tehran')::date`,
    [now.toISOString()],
  );
  return addWorkingDays(now, Number(category.deadlineDays), new Set(holidays.map((h) => h.day)));
}
