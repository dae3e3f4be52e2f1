import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The extension an agency asked for that waits for a supervisor (issue 14, item 5): the supervisor's list of
 * extensions to decide. Existing rows stay NULL until a rebuild replays their history.
 */
export class PendingExtensionOnRequests1796270000300 implements MigrationInterface {
  readonly name = 'PendingExtensionOnRequests1796270000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.requests
      ADD COLUMN IF NOT EXISTS extension_id text,
      ADD COLUMN IF NOT EXISTS extension_proposed_due_at timestamptz,
      ADD COLUMN IF NOT EXISTS extension_requested_at timestamptz`);
    await q.query(`CREATE INDEX IF NOT EXISTS requests_pending_extension_idx
      ON reporting.requests (extension_requested_at, tracking_code) WHERE extension_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS reporting.requests_pending_extension_idx`);
    await q.query(`ALTER TABLE reporting.requests DROP COLUMN IF EXISTS extension_id,
      DROP COLUMN IF EXISTS extension_proposed_due_at, DROP COLUMN IF EXISTS extension_requested_at`);
  }
}
