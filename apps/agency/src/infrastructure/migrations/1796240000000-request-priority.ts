import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request's priority in the agency's read model; priority_rank (critical 0, urgent 1, normal 2) is what
 * the inbox sorts by before the due time (issue #17 item 5, ADR 37).
 */
export class RequestPriority1796240000000 implements MigrationInterface {
  readonly name = 'RequestPriority1796240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agency.request_details
        ADD COLUMN IF NOT EXISTS priority text NOT NULL DEFAULT 'normal'
          CHECK (priority IN ('normal', 'urgent', 'critical')),
        ADD COLUMN IF NOT EXISTS priority_rank smallint
          GENERATED ALWAYS AS (CASE priority WHEN 'critical' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END) STORED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE agency.request_details DROP COLUMN IF EXISTS priority_rank, DROP COLUMN IF EXISTS priority`,
    );
  }
}
