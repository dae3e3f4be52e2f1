import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agency's answer templates (ADR 36): the text with its placeholders, never filled, so no citizen's
 * name is ever stored here. Every edit raises the version the answer event records.
 */
export class CreateAnswerTemplates1767000000100 implements MigrationInterface {
  readonly name = 'CreateAnswerTemplates1767000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS agency.answer_templates (
        template_id text        PRIMARY KEY,
        agency_code text        NOT NULL,
        version     integer     NOT NULL CHECK (version >= 1),
        title       text        NOT NULL,
        body        text        NOT NULL,
        deleted     boolean     NOT NULL DEFAULT false,
        updated_by  text        NOT NULL,
        updated_at  timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS answer_templates_agency_idx ON agency.answer_templates (agency_code, deleted)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS agency.answer_templates`);
  }
}
