import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts agencies' scorecards count (ADR 26), one row per fact at its own time, so any date range and
 * the trend by Jalali month are one indexed range scan. Codes and times only: no personal data, no text.
 */
export class CreateScorecardFacts1766200000000 implements MigrationInterface {
  readonly name = 'CreateScorecardFacts1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting.scorecard_facts (
        event_id      uuid        PRIMARY KEY,
        kind          text        NOT NULL,
        tracking_code text        NOT NULL,
        agency_code   text        NOT NULL,
        county_code   text        NOT NULL,
        at            timestamptz NOT NULL,
        received_at   timestamptz,
        due_at        timestamptz,
        value         numeric
      )`);
    await queryRunner.query(`CREATE INDEX scorecard_facts_at_idx ON reporting.scorecard_facts (at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.scorecard_facts`);
  }
}
