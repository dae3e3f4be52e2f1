// Least privilege on real PostgreSQL (ADR 0033), in CloudNativePG's order: grants.sql right after the database
// is made (schemas, default privileges), then every migration as the database's owner, then each service role
// may touch only what the grants say.
import { Client } from 'pg';
import { createRolesDatabase, type RolesDatabase } from '../support/roles-database';

const PERMISSION_DENIED = '42501';

describe('database roles: each service reaches only its own schema and the event store it needs', () => {
  let db: RolesDatabase;

  beforeAll(async () => {
    db = await createRolesDatabase('roles');
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Runs `sql` as `role` in a transaction that is rolled back; the error code, or 'ok'. */
  async function as(role: string, sql: string): Promise<string> {
    const superuser = db.superuser;
    await superuser.query('BEGIN');
    try {
      await superuser.query(`SET LOCAL ROLE ${role}`);
      await superuser.query(sql);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await superuser.query('ROLLBACK');
    }
  }

  it('intake reads and writes its own schema, and appends to and reads the event store', async () => {
    expect(await as('samad_intake', 'SELECT * FROM intake.request_index LIMIT 1')).toBe('ok');
    expect(await as('samad_intake', 'DELETE FROM intake.idempotency_keys')).toBe('ok');
    expect(await as('samad_intake', 'SELECT * FROM event_store.events LIMIT 1')).toBe('ok');
    expect(await as('samad_intake', 'SELECT * FROM personal_data.citizen_keys LIMIT 1')).toBe('ok');
  });

  it('intake cannot read the routing schema, nor change any schema (the owner migrates)', async () => {
    expect(await as('samad_intake', 'SELECT * FROM routing.rules LIMIT 1')).toBe(PERMISSION_DENIED);
    expect(await as('samad_intake', 'SELECT * FROM agency.processed_events LIMIT 1')).toBe(PERMISSION_DENIED);
    expect(await as('samad_intake', 'CREATE TABLE intake.extra (id int)')).toBe(PERMISSION_DENIED);
    expect(await as('samad_intake', 'DROP TABLE intake.request_index')).toBe(PERMISSION_DENIED);
  });

  it("routing reads the citizens' keys (it folds and seals) but never writes them, and cannot read intake", async () => {
    expect(await as('samad_routing', 'SELECT * FROM routing.rules LIMIT 1')).toBe('ok');
    expect(await as('samad_routing', 'SELECT * FROM event_store.events LIMIT 1')).toBe('ok');
    expect(await as('samad_routing', 'SELECT * FROM personal_data.citizen_keys LIMIT 1')).toBe('ok');
    expect(await as('samad_routing', 'UPDATE personal_data.citizen_keys SET data_key = NULL')).toBe(
      PERMISSION_DENIED,
    );
    expect(await as('samad_routing', 'SELECT * FROM intake.request_index LIMIT 1')).toBe(PERMISSION_DENIED);
  });

  it("routing reads and appends the rules' history but never rewrites it; no other service reaches it", async () => {
    const append = `INSERT INTO routing.rule_changes (rule_id, change, after, changed_by)
                    VALUES (1, 'added', '{}', 'admin1')`;
    expect(await as('samad_routing', append)).toBe('ok');
    expect(await as('samad_routing', 'SELECT * FROM routing.rule_changes LIMIT 1')).toBe('ok');
    expect(await as('samad_routing', "UPDATE routing.rules SET changed_by = 'admin1' WHERE id = 0")).toBe(
      'ok',
    );
    expect(await as('samad_routing', 'UPDATE routing.rule_changes SET changed_by = changed_by')).toBe(
      PERMISSION_DENIED,
    );
    expect(await as('samad_routing', 'DELETE FROM routing.rule_changes')).toBe(PERMISSION_DENIED);
    for (const role of ['samad_intake', 'samad_agency', 'samad_reporting']) {
      expect(await as(role, append)).toBe(PERMISSION_DENIED);
      expect(await as(role, 'DELETE FROM routing.rules WHERE id = 0')).toBe(PERMISSION_DENIED);
    }
  });

  it("refuses to rewrite the rules' history even to the owner (a trigger)", async () => {
    const owner = new Client({ connectionString: db.urlAs(`${db.name}_owner`) });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query(`INSERT INTO routing.rule_changes (rule_id, change, after, changed_by)
                         VALUES (1, 'added', '{}', 'admin1')`);
      await expect(owner.query('DELETE FROM routing.rule_changes')).rejects.toThrow(/append-only/);
    } finally {
      await owner.query('ROLLBACK');
      await owner.end();
    }
  });

  it('appends go through append_batch alone: no service moves a stream head or appends without insert rights', async () => {
    for (const role of ['samad_routing', 'samad_agency'])
      expect(await as(role, "UPDATE event_store.streams SET revision = 0 WHERE stream_id = 'x'")).toBe(
        PERMISSION_DENIED,
      );
    expect(await as('samad_reporting', "SELECT * FROM event_store.append_batch('[]'::jsonb)")).toBe(
      PERMISSION_DENIED,
    );
    expect(await as('samad_routing', "SELECT * FROM event_store.append_batch('[]'::jsonb)")).toBe('ok');
  });

  it('reporting reads the event store but never writes it; no service deletes events', async () => {
    expect(await as('samad_reporting', 'SELECT * FROM event_store.events LIMIT 1')).toBe('ok');
    expect(await as('samad_reporting', 'UPDATE event_store.events SET data = data')).toBe(PERMISSION_DENIED);
    for (const role of ['samad_intake', 'samad_routing', 'samad_agency', 'samad_reporting'])
      expect(await as(role, 'DELETE FROM event_store.events')).toBe(PERMISSION_DENIED);
  });

  it('no service role can use the public schema', async () => {
    expect(await as('samad_agency', 'CREATE TABLE public.extra (id int)')).toBe(PERMISSION_DENIED);
  });
});
