import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (ADR 29): what each file is (attachments) and, with the PostgreSQL storage, its sealed bytes
 * (attachment_contents). Both are personal data: the bytes open only with the citizen's key.
 */
export class CreateAttachments1766400200000 implements MigrationInterface {
  readonly name = 'CreateAttachments1766400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS personal_data.attachments (
        id            uuid        PRIMARY KEY,
        tracking_code text        NOT NULL,
        citizen_ref   uuid        NOT NULL,
        content_type  text        NOT NULL,
        size          integer     NOT NULL,
        sha256        text        NOT NULL,
        storage       text        NOT NULL,
        added_by      text        NOT NULL,
        added_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS attachments_by_request ON personal_data.attachments (tracking_code)`,
    );
    await q.query(`
      CREATE TABLE IF NOT EXISTS personal_data.attachment_contents (
        id      uuid  PRIMARY KEY,
        content bytea NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS personal_data.attachment_contents`);
    await q.query(`DROP TABLE IF EXISTS personal_data.attachments`);
  }
}
