import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline watcher's work list (ADR 22): one row per request whose deadline may still owe a fact,
 * with when to look at it next. The event store, not this table, decides what is appended.
 */
export class CreateOpenDeadlines1766100000000 implements MigrationInterface {
  readonly name = 'CreateOpenDeadlines1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.open_deadlines (
        tracking_code   text        PRIMARY KEY,
        check_at        timestamptz NOT NULL,
        stream_revision bigint      NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX open_deadlines_check_at_idx ON routing.open_deadlines (check_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS routing.open_deadlines`);
  }
}
