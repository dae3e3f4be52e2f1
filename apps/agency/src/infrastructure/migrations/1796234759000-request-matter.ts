import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The collective matter a request belongs to (ADR 27): an agency answers the matter once. */
export class RequestMatter1796234759000 implements MigrationInterface {
  readonly name = 'RequestMatter1796234759000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency.request_details ADD COLUMN IF NOT EXISTS matter_id text`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS request_details_matter_idx ON agency.request_details (matter_id) WHERE matter_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS agency.request_details_matter_idx`);
    await q.query(`ALTER TABLE agency.request_details DROP COLUMN IF EXISTS matter_id`);
  }
}
