import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an agency sees of its requests. request_details holds only what it needs to contact the citizen
 * (name and mobile, never the national code); inbox holds one row per request an agency holds or answered.
 */
export class CreateAgencyReadModels1764400001000 implements MigrationInterface {
  readonly name = 'CreateAgencyReadModels1764400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency.request_details (
        tracking_code  text PRIMARY KEY,
        kind           text NOT NULL,
        channel        text NOT NULL,
        collective     boolean NOT NULL,
        category_code  text NOT NULL,
        county_code    text NOT NULL,
        description    text NOT NULL,
        citizen_name   text NOT NULL,
        citizen_mobile text NOT NULL,
        citizen_count  int NOT NULL CHECK (citizen_count > 0),
        registered_at  timestamptz NOT NULL);
      CREATE TABLE agency.inbox (
        tracking_code   text PRIMARY KEY,
        agency_code     text NOT NULL,
        status          text NOT NULL,
        due_at          timestamptz NOT NULL,
        routed_at       timestamptz NOT NULL,
        acknowledged_at timestamptz,
        referred_to     text,
        answered_at     timestamptz,
        outcome         text,
        answer_text     text,
        updated_at      timestamptz NOT NULL);
      CREATE INDEX inbox_agency_status_due ON agency.inbox (agency_code, status, due_at);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agency.inbox, agency.request_details');
  }
}
