import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Registration's own state: where tracking numbers come from and which Idempotency-Keys were used. */
export class CreateRegistrationTables1764500000000 implements MigrationInterface {
  readonly name = 'CreateRegistrationTables1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // 0..899,999,999: the domain of the scrambling bijection; NO CYCLE so a code is never handed out twice.
    await queryRunner.query(`
      CREATE SEQUENCE IF NOT EXISTS intake.tracking_number_seq
        AS bigint MINVALUE 0 MAXVALUE 899999999 START WITH 0 NO CYCLE`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake.idempotency_keys (
        key           text        PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 255),
        body_sha256   text        NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
        tracking_code text        NOT NULL,
        registered_at timestamptz NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake.idempotency_keys`);
    await queryRunner.query(`DROP SEQUENCE IF EXISTS intake.tracking_number_seq`);
  }
}
