import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in failures are counted in schema auth now, per username and client together (ADR 0016). */
export class DropIntakeLoginFailures1765000000100 implements MigrationInterface {
  readonly name = 'DropIntakeLoginFailures1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake.login_failures`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake.login_failures (
        id        bigserial   PRIMARY KEY,
        username  text        NOT NULL,
        client_ip text        NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }
}
