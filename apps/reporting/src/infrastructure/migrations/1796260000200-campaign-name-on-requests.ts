import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The campaign's Persian name as its letters carry it (ADR 28), so the board names the campaign, not only
 * its id. Letters registered before the name was carried keep NULL: the board falls back to the id.
 */
export class CampaignNameOnRequests1796260000200 implements MigrationInterface {
  readonly name = 'CampaignNameOnRequests1796260000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.requests ADD COLUMN IF NOT EXISTS campaign_name text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.requests DROP COLUMN IF EXISTS campaign_name`);
  }
}
