import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Provincial-trip campaigns (ADR 0028): an administrative table intake checks letters against. */
export class CreateCampaigns1766400000000 implements MigrationInterface {
  readonly name = 'CreateCampaigns1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS intake.campaigns (
        id           uuid        PRIMARY KEY,
        name         text        NOT NULL,
        county_codes text[]      NOT NULL,
        starts_on    date        NOT NULL,
        ends_on      date        NOT NULL,
        target_on    date        NOT NULL,
        target_at    timestamptz NOT NULL,
        status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_by   text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        closed_at    timestamptz,
        CHECK (starts_on <= ends_on AND ends_on <= target_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS intake.campaigns`);
  }
}
