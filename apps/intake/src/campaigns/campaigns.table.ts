import type { DataSource } from 'typeorm';
import type { CampaignFacts } from './campaign-letter';

export interface CampaignRow extends CampaignFacts {
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly targetOn: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
}

type Sql = Pick<DataSource, 'query'>;

const COLUMNS = `id, name, county_codes, starts_on::text, ends_on::text, target_on::text, target_at, status,
  created_by, created_at, closed_at`;

interface Row {
  id: string;
  name: string;
  county_codes: string[];
  starts_on: string;
  ends_on: string;
  target_on: string;
  target_at: Date;
  status: 'open' | 'closed';
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
}

const campaignOf = (r: Row): CampaignRow => ({
  id: r.id,
  name: r.name,
  countyCodes: r.county_codes,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  targetOn: r.target_on,
  targetAt: r.target_at,
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const findCampaign = async (sql: Sql, id: string): Promise<CampaignRow | undefined> => {
  if (!UUID.test(id)) return undefined; // not an id at all: no such campaign, not a database error
  const rows = (await sql.query(`SELECT ${COLUMNS} FROM intake.campaigns WHERE id = $1`, [id])) as Row[];
  return rows[0] && campaignOf(rows[0]);
};

/** Campaigns newest first (by their first day), only those of one status when given. */
export const listCampaigns = async (sql: Sql, status?: 'open' | 'closed'): Promise<CampaignRow[]> => {
  const rows = (await sql.query(
    `SELECT ${COLUMNS} FROM intake.campaigns WHERE $1::text IS NULL OR status = $1
     ORDER BY starts_on DESC, created_at DESC LIMIT 200`,
    [status ?? null],
  )) as Row[];
  return rows.map(campaignOf);
};

export const insertCampaign = async (
  sql: Sql,
  c: Omit<CampaignRow, 'status' | 'createdAt' | 'closedAt'>,
): Promise<CampaignRow> => {
  const [row] = (await sql.query(
    `INSERT INTO intake.campaigns (id, name, county_codes, starts_on, ends_on, target_on, target_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [c.id, c.name, c.countyCodes, c.startsOn, c.endsOn, c.targetOn, c.targetAt, c.createdBy],
  )) as Row[];
  return campaignOf(row);
};

export const closeCampaign = async (sql: Sql, id: string): Promise<CampaignRow | undefined> => {
  if (!UUID.test(id)) return undefined;
  await sql.query(
    `UPDATE intake.campaigns SET status = 'closed', closed_at = now() WHERE id = $1 AND status = 'open'`,
    [id],
  );
  return findCampaign(sql, id);
};
