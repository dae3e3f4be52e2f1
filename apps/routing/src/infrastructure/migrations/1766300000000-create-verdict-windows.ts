import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The verdict-window watcher's work list (ADR 25): one row per answered request, with when the citizen's
 * window to rate or object ends. The event store, not this table, decides whether it closes.
 */
export class CreateVerdictWindows1766300000000 implements MigrationInterface {
  readonly name = 'CreateVerdictWindows1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.verdict_windows (
        tracking_code   text        PRIMARY KEY,
        closes_at       timestamptz NOT NULL,
        stream_revision bigint      NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX verdict_windows_closes_at_idx ON routing.verdict_windows (closes_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS routing.verdict_windows`);
  }
}
