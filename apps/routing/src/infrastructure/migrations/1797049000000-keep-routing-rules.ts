import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administrators keep the routing rules (ADR 49): each rule names who changed it last and when, and every
 * change is appended to routing.rule_changes (the rule's terms before and after), which nobody rewrites:
 * a trigger refuses UPDATE and DELETE even to the owner, and routing's role is not granted them.
 */
export class KeepRoutingRules1797049000000 implements MigrationInterface {
  readonly name = 'KeepRoutingRules1797049000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE routing.rules ADD COLUMN changed_by text, ADD COLUMN changed_at timestamptz;
      CREATE TABLE routing.rule_changes (
        id bigserial PRIMARY KEY,
        rule_id int NOT NULL,
        change text NOT NULL CHECK (change IN ('added', 'changed', 'removed')),
        before jsonb CHECK ((before IS NULL) = (change = 'added')),
        after jsonb CHECK ((after IS NULL) = (change = 'removed')),
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX rule_changes_newest ON routing.rule_changes (changed_at DESC, id DESC);
      CREATE INDEX rule_changes_of_rule ON routing.rule_changes (rule_id, changed_at DESC, id DESC);`);
    await q.query(`
      CREATE OR REPLACE FUNCTION routing.rule_changes_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'routing.rule_changes is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER rule_changes_append_only BEFORE UPDATE OR DELETE ON routing.rule_changes
      FOR EACH ROW EXECUTE FUNCTION routing.rule_changes_append_only()`);
    // The owner's default privileges gave routing's role every right on the new table: keep only reading
    // and appending (grants.sql says the same when an operator runs it again).
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samad_routing') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON routing.rule_changes FROM samad_routing;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE routing.rule_changes;
      DROP FUNCTION routing.rule_changes_append_only();
      ALTER TABLE routing.rules DROP COLUMN changed_by, DROP COLUMN changed_at;`);
  }
}
