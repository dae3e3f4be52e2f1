-- Least privilege in the samad database (ADR 0033). Run as the owner (samad) or a superuser; idempotent.
-- CloudNativePG runs it once after initdb (postInitApplicationSQLRefs); run it again after a migration that
-- adds a schema. Each service role reads and writes its own schema only, appends to and reads the event
-- store, and only the services that unseal personal data reach personal_data.
DO $$
DECLARE
  role_name text;
BEGIN
  FOREACH role_name IN ARRAY ARRAY['samad_intake', 'samad_routing', 'samad_agency', 'samad_reporting'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', role_name); -- CloudNativePG's managed roles add LOGIN and a password
    END IF;
  END LOOP;
END
$$;

REVOKE ALL ON SCHEMA public FROM PUBLIC;
-- The schemas belong to the database's owner, who runs the migrations (the prepare Job).
DO $$
DECLARE
  schema_name text;
  owner_name text := (SELECT datdba::regrole::text FROM pg_database WHERE datname = current_database());
BEGIN
  FOREACH schema_name IN ARRAY ARRAY['event_store', 'personal_data', 'auth', 'intake', 'routing', 'agency', 'reporting'] LOOP
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %s', schema_name, owner_name);
  END LOOP;
  -- Functions are not executable by everyone: only the grants below.
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC', owner_name);
END
$$;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA event_store, personal_data, auth, intake, routing, agency, reporting FROM PUBLIC;

-- Grants on what exists now, and default privileges for what the owner creates later (the migrations).
CREATE OR REPLACE PROCEDURE pg_temp.samad_grant(schema_name text, role_name text, table_rights text)
LANGUAGE plpgsql AS $$
DECLARE
  owner_name text := (SELECT datdba::regrole::text FROM pg_database WHERE datname = current_database());
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, role_name);
  EXECUTE format('GRANT %s ON ALL TABLES IN SCHEMA %I TO %I', table_rights, schema_name, role_name);
  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_name, role_name);
  EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I', schema_name, role_name);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %I GRANT %s ON TABLES TO %I', owner_name, schema_name, table_rights, role_name);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', owner_name, schema_name, role_name);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %I GRANT EXECUTE ON FUNCTIONS TO %I', owner_name, schema_name, role_name);
END
$$;

-- Each service: everything on the rows of its own schema (no DDL: the owner migrates).
CALL pg_temp.samad_grant('intake', 'samad_intake', 'SELECT, INSERT, UPDATE, DELETE');
CALL pg_temp.samad_grant('routing', 'samad_routing', 'SELECT, INSERT, UPDATE, DELETE');
CALL pg_temp.samad_grant('agency', 'samad_agency', 'SELECT, INSERT, UPDATE, DELETE');
CALL pg_temp.samad_grant('reporting', 'samad_reporting', 'SELECT, INSERT, UPDATE');
-- The routing rules' history is append-only (ADR 49): routing reads and appends, never rewrites.
DO $$
BEGIN
  IF to_regclass('routing.rule_changes') IS NOT NULL THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON routing.rule_changes FROM samad_routing;
  END IF;
END
$$;

-- The event store: intake, routing and agency append (append_batch) and every service reads streams; no
-- DELETE for anyone, and the events' UPDATE (erasure of sealed fields, the relay's publish marks) stays with intake.
CALL pg_temp.samad_grant('event_store', 'samad_intake', 'SELECT, INSERT, UPDATE');
CALL pg_temp.samad_grant('event_store', 'samad_routing', 'SELECT, INSERT');
CALL pg_temp.samad_grant('event_store', 'samad_agency', 'SELECT, INSERT');
CALL pg_temp.samad_grant('event_store', 'samad_reporting', 'SELECT');
-- append_batch writes as the owner (the stream heads no service role may UPDATE), so only the roles that may
-- insert events may call it (the event store's migration AppendAsOwner applies the same rule).
DO $$
DECLARE
  grantee_name text;
BEGIN
  IF to_regprocedure('event_store.append_batch(jsonb)') IS NULL THEN
    RETURN; -- before the first migration
  END IF;
  FOR grantee_name IN
    SELECT DISTINCT grantee FROM information_schema.routine_privileges
     WHERE routine_schema = 'event_store' AND routine_name = 'append_batch' AND privilege_type = 'EXECUTE'
  LOOP
    IF NOT has_table_privilege(grantee_name, 'event_store.events', 'INSERT') THEN
      EXECUTE format('REVOKE EXECUTE ON FUNCTION event_store.append_batch(jsonb) FROM %I', grantee_name);
    END IF;
  END LOOP;
END
$$;

-- Personal data (citizen keys): only the services that seal or unseal it. Routing does both: it folds
-- registrations (sealed citizens) and seals the free text it writes (due-time reasons, instructions).
CALL pg_temp.samad_grant('personal_data', 'samad_intake', 'SELECT, INSERT, UPDATE');
CALL pg_temp.samad_grant('personal_data', 'samad_routing', 'SELECT');
CALL pg_temp.samad_grant('personal_data', 'samad_agency', 'SELECT');
CALL pg_temp.samad_grant('personal_data', 'samad_reporting', 'SELECT');

-- Sign-in sessions and revoked tokens: every service checks revocation; intake signs people in.
CALL pg_temp.samad_grant('auth', 'samad_intake', 'SELECT, INSERT, UPDATE, DELETE');
CALL pg_temp.samad_grant('auth', 'samad_routing', 'SELECT');
CALL pg_temp.samad_grant('auth', 'samad_agency', 'SELECT');
CALL pg_temp.samad_grant('auth', 'samad_reporting', 'SELECT');
