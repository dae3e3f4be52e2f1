import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base (ADR 36): its own append-only event streams (one per article, one event per version)
 * and the operators' search read model over text folded for Persian (normalizeForSearch), indexed with the
 * `simple` configuration so no stemmer mangles Persian words.
 */
export class CreateKnowledgeBase1767000000000 implements MigrationInterface {
  readonly name = 'CreateKnowledgeBase1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake.knowledge_events (
        article_id  text        NOT NULL,
        version     integer     NOT NULL CHECK (version >= 1),
        type        text        NOT NULL,
        data        jsonb       NOT NULL,
        actor_id    text        NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, version)
      )`);
    // Versions are facts: never rewritten.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION intake.knowledge_events_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'knowledge_events is append-only'; END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE TRIGGER knowledge_events_append_only BEFORE UPDATE OR DELETE ON intake.knowledge_events
      FOR EACH ROW EXECUTE FUNCTION intake.knowledge_events_append_only()`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS intake.knowledge_articles (
        article_id    text        PRIMARY KEY,
        version       integer     NOT NULL,
        category_code text        NOT NULL,
        title_fa      text        NOT NULL,
        title_en      text,
        body          text        NOT NULL,
        status        text        NOT NULL CHECK (status IN ('draft', 'published')),
        search_text   text        NOT NULL,
        search_vector tsvector    GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
        updated_at    timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS knowledge_articles_search_idx
        ON intake.knowledge_articles USING gin (search_vector)`);
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS knowledge_articles_category_idx
        ON intake.knowledge_articles (category_code, status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS intake.knowledge_articles`);
    await queryRunner.query(`DROP TABLE IF EXISTS intake.knowledge_events`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS intake.knowledge_events_append_only()`);
  }
}
