// Schema event_store. Every statement is idempotent: another runner (with its own migrations table) may apply it too.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export const EVENT_STORE_SCHEMA_SQL = String.raw`
CREATE SCHEMA IF NOT EXISTS event_store;

-- CACHE: ordering is by (transaction_id, global_position), so per-backend caching costs nothing and saves contention.
CREATE SEQUENCE IF NOT EXISTS event_store.global_position_seq AS bigint CACHE 64;

CREATE TABLE IF NOT EXISTS event_store.streams (
  stream_id  text PRIMARY KEY,
  revision   bigint NOT NULL,
  last_hash  bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS event_store.events (
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  global_position bigint NOT NULL DEFAULT nextval('event_store.global_position_seq'),
  stream_id       text NOT NULL,
  stream_revision bigint NOT NULL CHECK (stream_revision >= 0),
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  hash            bytea NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (transaction_id, global_position),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision),
  CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id)
);

ALTER SEQUENCE event_store.global_position_seq OWNED BY event_store.events.global_position;

CREATE TABLE IF NOT EXISTS event_store.relay_checkpoints (
  relay_name text PRIMARY KEY,
  "commit"   bigint NOT NULL,
  prepare    bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The tamper-evidence link, over the stored bytes; length prefixes keep field boundaries unambiguous.
CREATE OR REPLACE FUNCTION event_store.event_hash(
  p_prev bytea, p_stream_id text, p_revision bigint, p_event_id uuid, p_type text, p_data jsonb, p_metadata jsonb
) RETURNS bytea LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  v_stream bytea := convert_to(p_stream_id, 'UTF8');
  v_type   bytea := convert_to(p_type, 'UTF8');
  v_data   bytea := convert_to(p_data::text, 'UTF8');
  v_meta   bytea := convert_to(p_metadata::text, 'UTF8');
BEGIN
  RETURN sha256(
    p_prev
    || int4send(octet_length(v_stream)) || v_stream
    || int8send(p_revision)
    || uuid_send(p_event_id)
    || int4send(octet_length(v_type)) || v_type
    || int4send(octet_length(v_data)) || v_data
    || int4send(octet_length(v_meta)) || v_meta);
END
$fn$;

-- Appends many independent appends in one call (one round trip, one commit); see ADRs 0002 and 0003.
-- p_appends: [{"s": stream id, "x": expected ("-1" no_stream, "-2" any, "-3" stream_exists, else revision),
--              "c": check ids for idempotency, "e": [{"i": uuid, "t": type, "d": data, "m": metadata}]}]
CREATE OR REPLACE FUNCTION event_store.append_batch(p_appends jsonb)
RETURNS TABLE (append_index int, status text, revision bigint, transaction_id xid8, global_position bigint)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_key      bigint;
  r          record;
  v_stream   text;
  v_expected bigint;
  v_current  bigint;
  v_start    bigint;
  v_hash     bytea;
  v_events   jsonb;
  v_count    int;
  v_found    int;
  v_hashes   bytea[];
  v_event    jsonb;
  v_i        int;
  v_ok       boolean;
BEGIN
  -- Global order needs every stream lock held before this transaction gets its xid (ADR 0002).
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'event_store.append_batch must be the first write of its transaction'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  -- Sorted lock order: concurrent batches can never deadlock on each other.
  FOR v_key IN
    SELECT DISTINCT hashtextextended(a.body->>'s', 0) FROM jsonb_array_elements(p_appends) AS a(body) ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(v_key);
  END LOOP;

  FOR r IN SELECT a.body, a.idx::int AS idx FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS a(body, idx)
  LOOP
    v_stream := r.body->>'s';
    v_expected := (r.body->>'x')::bigint;
    v_events := r.body->'e';
    v_count := jsonb_array_length(v_events);

    SELECT s.revision, s.last_hash INTO v_current, v_hash FROM event_store.streams s WHERE s.stream_id = v_stream;
    IF NOT FOUND THEN
      v_current := -1;
      v_hash := '\x'::bytea;
    END IF;

    -- Idempotency: a retried append (same ids) succeeds with the positions it already has.
    IF (r.body->>'c')::boolean AND v_current >= 0 THEN
      SELECT count(*)::int INTO v_found FROM event_store.events e
       WHERE e.stream_id = v_stream AND e.event_id IN (SELECT (x->>'i')::uuid FROM jsonb_array_elements(v_events) x);
      IF v_found = v_count THEN
        RETURN QUERY SELECT r.idx, 'idempotent'::text, e.stream_revision, e.transaction_id, e.global_position
          FROM event_store.events e
         WHERE e.stream_id = v_stream AND e.event_id IN (SELECT (x->>'i')::uuid FROM jsonb_array_elements(v_events) x)
         ORDER BY e.stream_revision DESC LIMIT 1;
        CONTINUE;
      ELSIF v_found > 0 THEN
        RETURN QUERY SELECT r.idx, 'duplicate'::text, v_current, NULL::xid8, NULL::bigint;
        CONTINUE;
      END IF;
    END IF;

    v_ok := CASE v_expected
      WHEN -2 THEN true
      WHEN -1 THEN v_current = -1
      WHEN -3 THEN v_current >= 0
      ELSE v_current = v_expected
    END;
    IF NOT v_ok THEN
      RETURN QUERY SELECT r.idx, 'wrong_expected_version'::text, v_current, NULL::xid8, NULL::bigint;
      CONTINUE;
    END IF;

    v_start := v_current + 1;
    v_hashes := '{}';
    v_i := 0;
    FOR v_event IN SELECT x FROM jsonb_array_elements(v_events) x
    LOOP
      v_i := v_i + 1;
      v_current := v_current + 1;
      v_hash := event_store.event_hash(
        v_hash, v_stream, v_current, (v_event->>'i')::uuid, v_event->>'t', v_event->'d', v_event->'m');
      v_hashes[v_i] := v_hash;
    END LOOP;

    INSERT INTO event_store.events AS e (stream_id, stream_revision, event_id, event_type, data, metadata, hash)
    SELECT v_stream, v_start + x.ord - 1, (x.ev->>'i')::uuid, x.ev->>'t', x.ev->'d', x.ev->'m', v_hashes[x.ord]
      FROM jsonb_array_elements(v_events) WITH ORDINALITY AS x(ev, ord)
     ORDER BY x.ord;

    INSERT INTO event_store.streams AS s (stream_id, revision, last_hash) VALUES (v_stream, v_current, v_hash)
    ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash, updated_at = now();

    RETURN QUERY SELECT r.idx, 'ok'::text, v_current, pg_current_xact_id(),
      currval('event_store.global_position_seq');
  END LOOP;
END
$fn$;
`;

export class CreateEventStore1764460800000 implements MigrationInterface {
  readonly name = 'CreateEventStore1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS event_store CASCADE');
  }
}
