import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every directive given (ADR 37): who gave it, the agency it binds, and what became of it. No text. */
export class CreateDirectives1796250000200 implements MigrationInterface {
  readonly name = 'CreateDirectives1796250000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS reporting.directives (
        directive_id  text        PRIMARY KEY,
        tracking_code text        NOT NULL,
        agency_code   text        NOT NULL,
        issued_by     text        NOT NULL,
        role          text        NOT NULL,
        due_at        timestamptz NOT NULL,
        issued_at     timestamptz NOT NULL,
        overdue_at    timestamptz,
        reported_at   timestamptz,
        late          boolean
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS directives_issued_at_idx ON reporting.directives (issued_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS reporting.directives`);
  }
}
