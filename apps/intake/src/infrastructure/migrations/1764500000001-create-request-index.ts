import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The operator's "earlier requests of this caller" view, kept from request events by the intake consumer. */
export class CreateRequestIndex1764500000001 implements MigrationInterface {
  readonly name = 'CreateRequestIndex1764500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake.request_index (
        tracking_code  text        PRIMARY KEY,
        kind           text        NOT NULL,
        channel        text        NOT NULL,
        county_code    text        NOT NULL,
        category_code  text        NOT NULL,
        status         text        NOT NULL,
        registered_at  timestamptz NOT NULL,
        national_codes text[]      NOT NULL,
        mobiles        text[]      NOT NULL,
        agency_code    text,
        -- The stream revision last applied: an older event never overwrites a newer status.
        last_revision  bigint      NOT NULL,
        updated_at     timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS request_index_national_codes_idx
        ON intake.request_index USING gin (national_codes)`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS request_index_mobiles_idx ON intake.request_index USING gin (mobiles)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake.request_index`);
  }
}
