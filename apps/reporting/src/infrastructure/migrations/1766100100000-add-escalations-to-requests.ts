import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadline facts on the statistics row (ADR 22): when the deadline was missed, the highest escalation. */
export class AddEscalationsToRequests1766100100000 implements MigrationInterface {
  readonly name = 'AddEscalationsToRequests1766100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reporting.requests
        ADD COLUMN deadline_missed_at timestamptz,
        ADD COLUMN escalation_level   smallint    NOT NULL DEFAULT 0,
        ADD COLUMN escalated_at       timestamptz`);
    await queryRunner.query(
      `CREATE INDEX requests_escalated_idx ON reporting.requests (escalated_at) WHERE escalation_level > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS reporting.requests_escalated_idx`);
    await queryRunner.query(`
      ALTER TABLE reporting.requests
        DROP COLUMN deadline_missed_at, DROP COLUMN escalation_level, DROP COLUMN escalated_at`);
  }
}
