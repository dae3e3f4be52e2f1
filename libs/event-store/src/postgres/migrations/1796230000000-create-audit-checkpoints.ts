// The checkpointer's own log of signed checkpoints (ADR 0030). The frontier lets it resume without re-reading
// the store; it is checked against the signed root before use, so editing it cannot poison later checkpoints.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditCheckpoints1796230000000 implements MigrationInterface {
  readonly name = 'CreateAuditCheckpoints1796230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS event_store.audit_checkpoints (
        sequence    bigint PRIMARY KEY,
        "commit"    bigint NOT NULL,
        prepare     bigint NOT NULL,
        tree_size   bigint NOT NULL,
        root        text NOT NULL,
        issued_at   text NOT NULL,
        key_id      text NOT NULL,
        signature   text NOT NULL,
        frontier    jsonb NOT NULL,
        leaves      jsonb NOT NULL,
        published   boolean NOT NULL DEFAULT false
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS event_store.audit_checkpoints');
  }
}
