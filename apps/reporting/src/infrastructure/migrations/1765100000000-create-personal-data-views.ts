import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access-audit stream's PersonalDataViewed facts, as a table auditors can filter and page: who saw
 * which fields of which request, when and why. Never the values they saw. The event store stays the
 * record; this table is caught up from it (by stream revision) before every read.
 */
export class CreatePersonalDataViews1765100000000 implements MigrationInterface {
  readonly name = 'CreatePersonalDataViews1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting.personal_data_views (
        stream_revision bigint      PRIMARY KEY,
        event_id        uuid        NOT NULL UNIQUE,
        tracking_code   text        NOT NULL,
        viewer          text        NOT NULL,
        viewer_role     text        NOT NULL,
        viewer_agency   text,
        viewed_at       timestamptz NOT NULL,
        reason          text        NOT NULL,
        fields          text[]      NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX personal_data_views_by_time ON reporting.personal_data_views (viewed_at, stream_revision)`,
    );
    await queryRunner.query(
      `CREATE INDEX personal_data_views_by_request ON reporting.personal_data_views (tracking_code, viewed_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX personal_data_views_by_viewer ON reporting.personal_data_views (viewer, viewed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reporting.personal_data_views`);
  }
}
