import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per request with only what statistics need: codes, statuses and timestamps. No citizen names,
 * national codes, mobiles or free text ever land here, so reports can be shared widely.
 */
export class CreateReportingRequests1764400100000 implements MigrationInterface {
  readonly name = 'CreateReportingRequests1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting.requests (
        tracking_code   text        PRIMARY KEY,
        kind            text        NOT NULL,
        channel         text        NOT NULL,
        collective      boolean     NOT NULL,
        county_code     text        NOT NULL,
        category_code   text        NOT NULL,
        agency_code     text,
        status          text        NOT NULL,
        registered_at   timestamptz NOT NULL,
        routed_at       timestamptz,
        due_at          timestamptz,
        acknowledged_at timestamptz,
        answered_at     timestamptz,
        outcome         text,
        closed_at       timestamptz,
        close_reason    text,
        returned_count  integer     NOT NULL DEFAULT 0,
        follow_up_count integer     NOT NULL DEFAULT 0,
        stream_revision integer     NOT NULL,
        updated_at      timestamptz NOT NULL
      )`);
    // The summary's optional window is on registration time.
    await queryRunner.query(`CREATE INDEX requests_registered_at_idx ON reporting.requests (registered_at)`);
    // Overdue lists scan only requests an agency holds, by due date, optionally per agency or county.
    // Spelled out, not heldStatuses: a migration records what was created then (HELD_BY_AGENCY matches it today).
    const held = `status IN ('routed', 'acknowledged', 'referred')`;
    await queryRunner.query(
      `CREATE INDEX requests_held_due_idx ON reporting.requests (due_at) WHERE ${held}`,
    );
    await queryRunner.query(
      `CREATE INDEX requests_held_agency_due_idx ON reporting.requests (agency_code, due_at) WHERE ${held}`,
    );
    await queryRunner.query(
      `CREATE INDEX requests_held_county_due_idx ON reporting.requests (county_code, due_at) WHERE ${held}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.requests`);
  }
}
