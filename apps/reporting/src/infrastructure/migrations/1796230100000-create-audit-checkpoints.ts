import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints and the leaves they announced, as consumed from samad.audit.checkpoints (ADR 0030).
 * Stream ids and hashes only: no personal data. Their authenticity is the signature, not this table.
 */
export class CreateAuditCheckpoints1796230100000 implements MigrationInterface {
  readonly name = 'CreateAuditCheckpoints1796230100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting.audit_checkpoints (
        sequence    bigint      PRIMARY KEY,
        position    text        NOT NULL,
        tree_size   bigint      NOT NULL,
        root        text        NOT NULL,
        issued_at   text        NOT NULL,
        key_id      text        NOT NULL,
        signature   text        NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE reporting.audit_leaves (
        leaf_index bigint PRIMARY KEY,
        "commit"   bigint NOT NULL,
        prepare    bigint NOT NULL,
        stream_id  text   NOT NULL,
        revision   bigint NOT NULL,
        leaf       text   NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.audit_leaves`);
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.audit_checkpoints`);
  }
}
