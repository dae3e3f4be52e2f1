import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Intake's own sign-in: users with slow password hashes, and the failed attempts that throttle guessing. */
export class CreateUsers1764650000000 implements MigrationInterface {
  readonly name = 'CreateUsers1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake.users (
        username      text        PRIMARY KEY CHECK (username ~ '^[a-z0-9._@-]{1,64}$'),
        password_hash text        NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
        role          text        NOT NULL
                      CHECK (role IN ('operator', 'agency_staff', 'agency_system', 'supervisor', 'auditor', 'admin')),
        agency_code   text,
        disabled      boolean     NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now(),
        -- Agency staff and agency systems act for exactly one agency; nobody else is bound to one.
        CONSTRAINT users_agency_binding CHECK ((role IN ('agency_staff', 'agency_system')) = (agency_code IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake.login_failures (
        id        bigserial   PRIMARY KEY,
        username  text        NOT NULL,
        client_ip text        NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS login_failures_username_idx ON intake.login_failures (username, failed_at)`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS login_failures_client_idx ON intake.login_failures (client_ip, failed_at)`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS login_failures_failed_at_idx ON intake.login_failures (failed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake.login_failures`);
    await queryRunner.query(`DROP TABLE IF EXISTS intake.users`);
  }
}
