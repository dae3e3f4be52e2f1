import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whole-store verification jobs an auditor starts over HTTP (ADR 0030): their progress and outcome, so any
 * reporting replica answers about any job. Counts, positions and stream ids only: no personal data.
 */
export class CreateAuditVerifications1796250000000 implements MigrationInterface {
  readonly name = 'CreateAuditVerifications1796250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting.audit_verifications (
        id            uuid        PRIMARY KEY,
        requested_by  text        NOT NULL,
        status        text        NOT NULL CHECK (status IN ('running', 'passed', 'failed', 'abandoned')),
        total         bigint      NOT NULL,
        checked       bigint      NOT NULL DEFAULT 0,
        covered       bigint,
        checkpoint_sequence bigint,
        problem       jsonb,
        started_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        finished_at   timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reporting.audit_verifications');
  }
}
