import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema personal_data: the citizens' data keys, kept apart from the events they unlock. Destroying a key
 * (data_key → NULL) erases that citizen from every event sealed with it, without touching the events.
 */
export class CreatePersonalData1764600000000 implements MigrationInterface {
  readonly name = 'CreatePersonalData1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS personal_data`);
    // citizen_ref is random, not derived from the national code: once lookup_digest is cleared the events'
    // pseudonym no longer leads back to the person, even for someone who holds the server secret.
    await q.query(`
      CREATE TABLE IF NOT EXISTS personal_data.citizen_keys (
        citizen_ref   uuid        PRIMARY KEY,
        -- HMAC of the national code under the server secret; cleared when an erasure completes.
        lookup_digest bytea,
        -- The data key, wrapped under the server secret; NULL = destroyed (the citizen is erased).
        data_key      bytea,
        created_at    timestamptz NOT NULL DEFAULT now(),
        erased_at     timestamptz,
        CONSTRAINT citizen_keys_erased_iff_no_key CHECK ((data_key IS NULL) = (erased_at IS NOT NULL))
      )`);
    // At most one live key per citizen; an erased one may linger (lookup kept) until its erasure completes.
    await q.query(`
      CREATE UNIQUE INDEX IF NOT EXISTS citizen_keys_live_lookup
        ON personal_data.citizen_keys (lookup_digest) WHERE data_key IS NOT NULL`);
    await q.query(`
      CREATE INDEX IF NOT EXISTS citizen_keys_lookup
        ON personal_data.citizen_keys (lookup_digest) WHERE lookup_digest IS NOT NULL`);
    // Where each key was used, written before the event is appended: an erasure finds every request.
    await q.query(`
      CREATE TABLE IF NOT EXISTS personal_data.citizen_streams (
        citizen_ref   uuid        NOT NULL,
        stream_id     text        NOT NULL,
        citizen_index integer     NOT NULL CHECK (citizen_index >= 0),
        linked_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (citizen_ref, stream_id, citizen_index)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS personal_data.citizen_streams, personal_data.citizen_keys`);
  }
}
