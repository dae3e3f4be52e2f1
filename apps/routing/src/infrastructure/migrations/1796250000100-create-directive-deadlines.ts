import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directive watcher's work list (ADR 37): one row per request with an open directive, at the due time
 * of its earliest one. The event store, not this table, decides whether a directive is overdue.
 */
export class CreateDirectiveDeadlines1796250000100 implements MigrationInterface {
  readonly name = 'CreateDirectiveDeadlines1796250000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS routing.directive_deadlines (
        tracking_code   text        PRIMARY KEY,
        check_at        timestamptz NOT NULL,
        stream_revision bigint      NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS directive_deadlines_check_at_idx ON routing.directive_deadlines (check_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS routing.directive_deadlines`);
  }
}
