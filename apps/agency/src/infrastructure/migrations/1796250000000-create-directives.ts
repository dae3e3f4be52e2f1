import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directives binding an agency (ADR 37): one row per directive, open until the agency reports on it,
 * overdue once the watcher escalated it. The inbox shows a request's unreported ones; the instruction
 * itself stays in the event store (the details endpoint reads it there).
 */
export class CreateDirectives1796250000000 implements MigrationInterface {
  readonly name = 'CreateDirectives1796250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS agency.directives (
        directive_id  text        PRIMARY KEY,
        tracking_code text        NOT NULL,
        agency_code   text        NOT NULL,
        role          text        NOT NULL,
        due_at        timestamptz NOT NULL,
        issued_at     timestamptz NOT NULL,
        overdue_at    timestamptz,
        reported_at   timestamptz,
        late          boolean
      )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS directives_request_idx ON agency.directives (tracking_code, agency_code)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS agency.directives`);
  }
}
