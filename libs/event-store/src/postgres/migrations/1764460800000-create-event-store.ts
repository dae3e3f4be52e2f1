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
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision)
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
-- Appends are visited grouped by stream (each stream's head read once), results come back per append;
-- all rows are written by two set-based statements at the end.
CREATE OR REPLACE FUNCTION event_store.append_batch(p_appends jsonb)
RETURNS TABLE (append_index int, status text, revision bigint, transaction_id xid8, global_position bigint)
-- Plans are cached per connection: generic ones skip replanning, and with seqscans off a plan made while the
-- tables were young (stale statistics) can never turn a key lookup into a scan of a table that has since grown.
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $fn$
#variable_conflict use_column
DECLARE
  r           record;
  v_stream    text;
  v_current   bigint;
  v_hash      bytea;
  v_events    jsonb;
  v_event     jsonb;
  v_event_id  uuid;
  v_count     int;
  v_ids       uuid[];
  v_found     int;
  v_in_batch  int;
  v_last      bigint;
  v_group     int;
  v_dirty     boolean := false;
  v_ok        boolean;
  e_idx    int[];
  e_ord    int[];
  e_stream text[];
  e_rev    bigint[];
  e_id     uuid[];
  e_type   text[];
  e_data   jsonb[];
  e_meta   jsonb[];
  e_hash   bytea[];
  n_events int := 0;
  h_stream text[];
  h_rev    bigint[];
  h_hash   bytea[];
  n_heads  int := 0;
  o_idx    int[];
  o_status text[];
  o_rev    bigint[];
  o_stream text[];
  n_out    int := 0;
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'event_store.append_batch must be the first write of its transaction'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  PERFORM pg_advisory_xact_lock(k)
     FROM (SELECT DISTINCT hashtextextended(a.body->>'s', 0) AS k FROM jsonb_array_elements(p_appends) AS a(body) ORDER BY 1) keys;

  FOR r IN
    SELECT a.idx::int AS idx, a.body->>'s' AS stream_id, (a.body->>'x')::bigint AS expected,
           (a.body->>'c')::boolean AS check_ids, a.body->'e' AS events, s.revision AS head_revision, s.last_hash AS head_hash
      FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS a(body, idx)
      LEFT JOIN event_store.streams s ON s.stream_id = a.body->>'s'
     ORDER BY a.body->>'s', a.idx
  LOOP
    IF v_stream IS DISTINCT FROM r.stream_id THEN
      IF v_dirty THEN
        n_heads := n_heads + 1;
        h_stream[n_heads] := v_stream;
        h_rev[n_heads] := v_current;
        h_hash[n_heads] := v_hash;
      END IF;
      v_stream := r.stream_id;
      v_current := coalesce(r.head_revision, -1);
      v_hash := coalesce(r.head_hash, '\x'::bytea);
      v_dirty := false;
      v_group := n_events + 1;
    END IF;
    n_out := n_out + 1;
    o_idx[n_out] := r.idx;
    o_stream[n_out] := v_stream;
    v_events := r.events;
    v_count := jsonb_array_length(v_events);

    IF r.check_ids AND v_current >= 0 THEN
      v_ids := ARRAY(SELECT (x->>'i')::uuid FROM jsonb_array_elements(v_events) x);
      SELECT count(*)::int, max(e.stream_revision) INTO v_found, v_last
        FROM event_store.events e WHERE e.stream_id = v_stream AND e.event_id = ANY(v_ids);
      SELECT count(*)::int, greatest(v_last, max(u.rev)) INTO v_in_batch, v_last
        FROM unnest(e_id[v_group:n_events], e_rev[v_group:n_events]) AS u(id, rev) WHERE u.id = ANY(v_ids);
      IF v_found + v_in_batch = v_count THEN
        o_status[n_out] := 'idempotent';
        o_rev[n_out] := v_last;
        CONTINUE;
      ELSIF v_found + v_in_batch > 0 THEN
        o_status[n_out] := 'duplicate';
        o_rev[n_out] := v_current;
        CONTINUE;
      END IF;
    END IF;

    v_ok := CASE r.expected
      WHEN -2 THEN true
      WHEN -1 THEN v_current = -1
      WHEN -3 THEN v_current >= 0
      ELSE v_current = r.expected
    END;
    IF NOT v_ok THEN
      o_status[n_out] := 'wrong_expected_version';
      o_rev[n_out] := v_current;
      CONTINUE;
    END IF;

    FOR j IN 0 .. v_count - 1 LOOP
      v_event := v_events -> j;
      v_event_id := (v_event->>'i')::uuid;
      v_current := v_current + 1;
      v_hash := event_store.event_hash(v_hash, v_stream, v_current, v_event_id, v_event->>'t', v_event->'d', v_event->'m');
      n_events := n_events + 1;
      e_idx[n_events] := r.idx;
      e_ord[n_events] := j;
      e_stream[n_events] := v_stream;
      e_rev[n_events] := v_current;
      e_id[n_events] := v_event_id;
      e_type[n_events] := v_event->>'t';
      e_data[n_events] := v_event->'d';
      e_meta[n_events] := v_event->'m';
      e_hash[n_events] := v_hash;
    END LOOP;
    v_dirty := true;
    o_status[n_out] := 'ok';
    o_rev[n_out] := v_current;
  END LOOP;
  IF v_dirty THEN
    n_heads := n_heads + 1;
    h_stream[n_heads] := v_stream;
    h_rev[n_heads] := v_current;
    h_hash[n_heads] := v_hash;
  END IF;

  IF n_events > 0 THEN
    INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, data, metadata, hash)
    SELECT u.s, u.r, u.i, u.t, u.d, u.m, u.h
      FROM unnest(e_idx, e_ord, e_stream, e_rev, e_id, e_type, e_data, e_meta, e_hash) AS u(idx, ord, s, r, i, t, d, m, h)
     ORDER BY u.idx, u.ord;
    INSERT INTO event_store.streams AS s (stream_id, revision, last_hash)
    SELECT u.s, u.r, u.h FROM unnest(h_stream, h_rev, h_hash) AS u(s, r, h)
    ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash, updated_at = now();
  END IF;

  RETURN QUERY
    SELECT o.idx, o.status, o.rev, e.transaction_id, e.global_position
      FROM unnest(o_idx, o_status, o_rev, o_stream) AS o(idx, status, rev, stream)
      LEFT JOIN event_store.events e
        ON o.status IN ('ok', 'idempotent') AND e.stream_id = o.stream AND e.stream_revision = o.rev
     ORDER BY o.idx;
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
