import type { EntityManager } from 'typeorm';
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
