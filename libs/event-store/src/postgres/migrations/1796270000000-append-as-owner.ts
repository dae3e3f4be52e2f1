// Appends run with the store owner's rights (ADR 0033), so a service role needs no UPDATE on the stream heads
// (which would let it move a head by hand). Since the function now writes as the owner, only roles that may
// insert events keep the right to call it; grants.sql applies the same rule when an operator re-runs it.
// The fixed search_path keeps a caller's own objects from standing in for the ones the function names.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export const LIMIT_APPEND_TO_EVENT_WRITERS_SQL = `
DO $$
DECLARE
  grantee_name text;
BEGIN
  REVOKE EXECUTE ON FUNCTION event_store.append_batch(jsonb) FROM PUBLIC;
  FOR grantee_name IN
    SELECT DISTINCT grantee FROM information_schema.routine_privileges
     WHERE routine_schema = 'event_store' AND routine_name = 'append_batch' AND privilege_type = 'EXECUTE'
  LOOP
    IF NOT has_table_privilege(grantee_name, 'event_store.events', 'INSERT') THEN
      EXECUTE format('REVOKE EXECUTE ON FUNCTION event_store.append_batch(jsonb) FROM %I', grantee_name);
    END IF;
  END LOOP;
END
$$`;

export class AppendAsOwner1796270000000 implements MigrationInterface {
  readonly name = 'AppendAsOwner1796270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER FUNCTION event_store.append_batch(jsonb) SECURITY DEFINER SET search_path = pg_catalog, pg_temp',
    );
    await queryRunner.query(LIMIT_APPEND_TO_EVENT_WRITERS_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER FUNCTION event_store.append_batch(jsonb) SECURITY INVOKER RESET search_path',
    );
  }
}
