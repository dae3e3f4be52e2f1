import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Similar requests (ADR 27): each request's description, normalised, for pg_trgm similarity within a
 * category and county. The description is personal data sealed under the representative's key (ADR 19),
 * so this copy is deleted when that citizen is erased.
 */
export class CreateRequestDescriptions1796234759100 implements MigrationInterface {
  readonly name = 'CreateRequestDescriptions1796234759100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS intake.request_descriptions (
        tracking_code text        PRIMARY KEY,
        category_code text        NOT NULL,
        county_code   text        NOT NULL,
        registered_at timestamptz NOT NULL,
        description   text        NOT NULL
      )`);
    await q.query(`
      CREATE INDEX IF NOT EXISTS request_descriptions_place_idx
        ON intake.request_descriptions (category_code, county_code, registered_at)`);
    await q.query(`
      CREATE INDEX IF NOT EXISTS request_descriptions_trgm_idx
        ON intake.request_descriptions USING gin (description gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS intake.request_descriptions`);
  }
}
