import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The collective matter a request was linked into (ADR 27), for the supervisors' list of matters. Requests
 * linked before this migration gain it on a read-model rebuild (ADR 31).
 */
export class RequestIndexMatter1796260000100 implements MigrationInterface {
  readonly name = 'RequestIndexMatter1796260000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.request_index ADD COLUMN IF NOT EXISTS matter_id uuid`);
    await q.query(`ALTER TABLE intake.request_index ADD COLUMN IF NOT EXISTS matter_linked_at timestamptz`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS request_index_matter_idx ON intake.request_index (matter_id)
         WHERE matter_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS intake.request_index_matter_idx`);
    await q.query(`ALTER TABLE intake.request_index DROP COLUMN IF EXISTS matter_linked_at`);
    await q.query(`ALTER TABLE intake.request_index DROP COLUMN IF EXISTS matter_id`);
  }
}
