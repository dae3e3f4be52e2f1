import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen status lookup's rate-limit log, shared by every intake replica: one row per counted lookup
 * (per client address) and per failed proof (per tracking code), kept for the one-minute sliding window.
 */
export class CreateTrackLookups1764950000000 implements MigrationInterface {
  readonly name = 'CreateTrackLookups1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake.track_lookups (
        id      bigserial   PRIMARY KEY,
        scope   text        NOT NULL CHECK (scope IN ('client', 'code')),
        subject text        NOT NULL,
        at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS track_lookups_subject_idx ON intake.track_lookups (scope, subject, at)`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS track_lookups_at_idx ON intake.track_lookups (at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake.track_lookups`);
  }
}
