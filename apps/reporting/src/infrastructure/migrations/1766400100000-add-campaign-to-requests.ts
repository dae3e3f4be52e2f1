import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The provincial-trip campaign a letter belongs to and the campaign's target (ADR 28), for its board. */
export class AddCampaignToRequests1766400100000 implements MigrationInterface {
  readonly name = 'AddCampaignToRequests1766400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reporting.requests
        ADD COLUMN campaign_id        text,
        ADD COLUMN campaign_target_at timestamptz`);
    await queryRunner.query(
      `CREATE INDEX requests_campaign_idx ON reporting.requests (campaign_id) WHERE campaign_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS reporting.requests_campaign_idx`);
    await queryRunner.query(
      `ALTER TABLE reporting.requests DROP COLUMN campaign_id, DROP COLUMN campaign_target_at`,
    );
  }
}
