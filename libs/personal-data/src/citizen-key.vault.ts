import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { poolTimeoutSettings, type PostgresTimeouts } from '@samad/event-store';
import { CitizenDigests, type CitizenIdentity } from './citizen.digests';
import { newDataKey, unwrapDataKey, wrapDataKey } from './personal-data.cipher';
import type { PersonalDataKeys } from './personal-data.secret';

export interface CitizenKeyVaultOptions {
  readonly connectionString: string;
  readonly keys: PersonalDataKeys;
  readonly applicationName?: string;
  readonly poolSize?: number;
  /** Connect, acquire, statement and idle-in-transaction limits. Default DEFAULT_POSTGRES_TIMEOUTS. */
  readonly timeouts?: PostgresTimeouts;
  /**
   * How long a live key may be served from memory. It bounds how long another process can still decrypt
   * after an erasure (a read that includes the erasure fact honours it at once). Default 5 s.
   */
  readonly keyCacheMs?: number;
  /** Most keys kept in memory (oldest dropped first). Default 10,000. */
  readonly keyCacheSize?: number;
}

/** The key that seals one citizen of one registration. */
export interface CitizenKey {
  readonly citizenIndex: number;
  readonly citizenRef: string;
  readonly key: Buffer;
}

/** One place a destroyed key was used: a citizen of a registration in a stream. */
export interface ErasedCitizenLink {
  readonly citizenRef: string;
  readonly streamId: string;
  readonly citizenIndex: number;
  readonly erasedAt: Date;
}

export interface CitizenErasure {
  /** Keys destroyed by this call or by an earlier, unfinished one (empty: nothing known for that code). */
  readonly citizenRefs: readonly string[];
  /** When the first of those keys was destroyed; absent when there were none. */
  readonly erasedAt?: Date;
  readonly links: readonly ErasedCitizenLink[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ATTEMPTS = 5;

interface CachedKey {
  /** null: destroyed (erasure is final, so that is cached for good). */
  readonly key: Buffer | null;
  readonly until: number;
}

// One statement so the key it returns is linked to the stream before any erasure can destroy it: the
// FOR SHARE lock makes a concurrent erasure wait, and that erasure then sees the link.
const KEYS_FOR_REGISTRATION = `
  WITH input AS (
    SELECT decode(d, 'hex') AS lookup_digest, r AS new_ref, decode(k, 'hex') AS new_key
      FROM unnest($1::text[], $2::uuid[], $3::text[]) AS t(d, r, k)
  ), fresh AS (
    INSERT INTO personal_data.citizen_keys (citizen_ref, lookup_digest, data_key)
    SELECT new_ref, lookup_digest, new_key FROM input
    ON CONFLICT (lookup_digest) WHERE data_key IS NOT NULL DO NOTHING
    RETURNING citizen_ref, lookup_digest, data_key
  ), existing AS (
    SELECT k.citizen_ref, k.lookup_digest, k.data_key
      FROM personal_data.citizen_keys k
     WHERE k.lookup_digest IN (SELECT lookup_digest FROM input) AND k.data_key IS NOT NULL
       FOR SHARE OF k
  ), chosen AS (
    SELECT * FROM fresh UNION ALL SELECT * FROM existing
  ), links AS (
    SELECT c.citizen_ref, l.citizen_index
      FROM chosen c JOIN unnest($4::text[], $5::int[]) AS l(d, citizen_index) ON decode(l.d, 'hex') = c.lookup_digest
  ), linked AS (
    INSERT INTO personal_data.citizen_streams (citizen_ref, stream_id, citizen_index)
    SELECT citizen_ref, $6, citizen_index FROM links
    ON CONFLICT DO NOTHING
  )
  SELECT l.citizen_ref::text AS citizen_ref, l.citizen_index, c.data_key
    FROM links l JOIN chosen c USING (citizen_ref)`;

/**
 * The citizens' data keys (schema personal_data), apart from the events. A key is created the first time a
 * citizen is registered and destroyed when the citizen is erased; every key is stored wrapped under the
 * server secret, so a database dump alone opens nothing.
 */
export class CitizenKeyVault {
  readonly digests: CitizenDigests;
  private readonly pool: Pool;
  private readonly cache = new Map<string, CachedKey>();
  private readonly refsByStream = new Map<string, string>();
  private readonly cacheMs: number;
  private readonly cacheSize: number;

  constructor(private readonly options: CitizenKeyVaultOptions) {
    this.digests = new CitizenDigests(options.keys);
    this.cacheMs = options.keyCacheMs ?? 5000;
    this.cacheSize = options.keyCacheSize ?? 10_000;
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
      application_name: options.applicationName ?? 'samad-personal-data',
      ...poolTimeoutSettings(options.timeouts),
    });
    // An idle client's error (e.g. the server restarted) must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  /**
   * The live key of each citizen of a registration (created on first use), each recorded as used in the
   * stream at its index. Citizens are given by canonical national code, or by mobile when they have none
   * (ADR 39).
   */
  async keysForRegistration(
    streamId: string,
    citizens: readonly ({ readonly citizenIndex: number } & CitizenIdentity)[],
  ): Promise<CitizenKey[]> {
    const found = new Map<number, CitizenKey>();
    for (let attempt = 1; found.size < citizens.length; attempt++) {
      // A key erased between the insert and the select of one statement shows up as missing: ask again.
      if (attempt > MAX_ATTEMPTS) throw new Error(`no live key for a citizen of ${streamId}`);
      const missing = citizens.filter((c) => !found.has(c.citizenIndex));
      const digestOf = new Map(missing.map((c) => [c.citizenIndex, this.digests.citizenKeyLookup(c)]));
      const proposals = new Map<string, { ref: string; wrapped: Buffer }>();
      for (const digest of digestOf.values()) {
        const hex = digest.toString('hex');
        if (proposals.has(hex)) continue;
        const ref = randomUUID();
        proposals.set(hex, { ref, wrapped: wrapDataKey(this.options.keys.wrap, newDataKey(), ref) });
      }
      const { rows } = await this.pool.query<{
        citizen_ref: string;
        citizen_index: number;
        data_key: Buffer;
      }>(KEYS_FOR_REGISTRATION, [
        [...proposals.keys()],
        [...proposals.values()].map((p) => p.ref),
        [...proposals.values()].map((p) => p.wrapped.toString('hex')),
        missing.map((c) => digestOf.get(c.citizenIndex)!.toString('hex')),
        missing.map((c) => c.citizenIndex),
        streamId,
      ]);
      for (const row of rows) {
        const key = unwrapDataKey(this.options.keys.wrap, row.data_key, row.citizen_ref);
        this.remember(row.citizen_ref, key);
        found.set(row.citizen_index, { citizenIndex: row.citizen_index, citizenRef: row.citizen_ref, key });
      }
    }
    return citizens.map((c) => found.get(c.citizenIndex)!);
  }

  /** The data key of each citizen ref: null when destroyed (erased) or unknown. */
  async dataKeys(citizenRefs: readonly string[]): Promise<Map<string, Buffer | null>> {
    const now = Date.now();
    const result = new Map<string, Buffer | null>();
    const wanted: string[] = [];
    for (const ref of new Set(citizenRefs)) {
      const cached = this.cache.get(ref);
      if (cached && (cached.key === null || cached.until > now)) result.set(ref, cached.key);
      else if (UUID.test(ref)) wanted.push(ref);
      else result.set(ref, null); // not a ref this vault ever issued
    }
    if (wanted.length > 0) {
      const { rows } = await this.pool.query<{ citizen_ref: string; data_key: Buffer | null }>(
        `SELECT citizen_ref::text AS citizen_ref, data_key FROM personal_data.citizen_keys
          WHERE citizen_ref = ANY($1::uuid[])`,
        [wanted],
      );
      const stored = new Map(rows.map((r) => [r.citizen_ref, r.data_key]));
      for (const ref of wanted) {
        const wrapped = stored.get(ref.toLowerCase()) ?? null;
        const key =
          wrapped === null ? null : unwrapDataKey(this.options.keys.wrap, wrapped, ref.toLowerCase());
        this.remember(ref, key);
        result.set(ref, key);
      }
    }
    return result;
  }

  /**
   * The pseudonym of the citizen at `citizenIndex` of the registration in this stream, or undefined when
   * no key was ever linked there (a stream written before sealing, or not a request). Links never change.
   */
  async citizenRefAt(streamId: string, citizenIndex: number): Promise<string | undefined> {
    const cacheKey = `${streamId}#${citizenIndex}`;
    const cached = this.refsByStream.get(cacheKey);
    if (cached !== undefined) return cached;
    const { rows } = await this.pool.query<{ citizen_ref: string }>(
      `SELECT citizen_ref::text AS citizen_ref FROM personal_data.citizen_streams
        WHERE stream_id = $1 AND citizen_index = $2 ORDER BY linked_at LIMIT 1`,
      [streamId, citizenIndex],
    );
    const ref = rows[0]?.citizen_ref;
    if (ref !== undefined) {
      this.refsByStream.set(cacheKey, ref);
      if (this.refsByStream.size > this.cacheSize)
        this.refsByStream.delete(this.refsByStream.keys().next().value as string);
    }
    return ref;
  }

  /**
   * Destroys every key of the citizen with this national code (or, given a mobile, of the citizen who filed
   * by that mobile alone, ADR 39), and says where they were used. Idempotent: a repeat after an unfinished
   * erasure returns the same keys and links; after completeErasure, nothing.
   */
  async erase(who: string | CitizenIdentity): Promise<CitizenErasure> {
    const identity: CitizenIdentity = typeof who === 'string' ? { nationalCode: who } : who;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The row lock waits for registrations linking this key right now; the select below then sees them.
      const { rows: keys } = await client.query<{ citizen_ref: string; erased_at: Date }>(
        `UPDATE personal_data.citizen_keys
            SET data_key = NULL, erased_at = coalesce(erased_at, now())
          WHERE lookup_digest = $1
          RETURNING citizen_ref::text AS citizen_ref, erased_at`,
        [this.digests.citizenKeyLookup(identity)],
      );
      const refs = keys.map((k) => k.citizen_ref);
      const { rows: links } = await client.query<{
        citizen_ref: string;
        stream_id: string;
        citizen_index: number;
      }>(
        `SELECT citizen_ref::text AS citizen_ref, stream_id, citizen_index FROM personal_data.citizen_streams
          WHERE citizen_ref = ANY($1::uuid[]) ORDER BY stream_id, citizen_index, citizen_ref`,
        [refs],
      );
      await client.query('COMMIT');
      for (const ref of refs) this.remember(ref, null);
      const erasedAt = new Map(keys.map((k) => [k.citizen_ref, k.erased_at]));
      const earliest = Math.min(...keys.map((k) => k.erased_at.getTime()));
      return {
        citizenRefs: refs,
        ...(keys.length > 0 && { erasedAt: new Date(earliest) }),
        links: links.map((l) => ({
          citizenRef: l.citizen_ref,
          streamId: l.stream_id,
          citizenIndex: l.citizen_index,
          erasedAt: erasedAt.get(l.citizen_ref)!,
        })),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Unlinks destroyed keys from the national code, once every request records the erasure. */
  async completeErasure(citizenRefs: readonly string[]): Promise<void> {
    if (citizenRefs.length === 0) return;
    await this.pool.query(
      `UPDATE personal_data.citizen_keys SET lookup_digest = NULL
        WHERE citizen_ref = ANY($1::uuid[]) AND data_key IS NULL`,
      [citizenRefs],
    );
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.pool.end();
  }

  private remember(ref: string, key: Buffer | null): void {
    this.cache.delete(ref);
    this.cache.set(ref, { key, until: Date.now() + this.cacheMs });
    // Map iteration follows insertion order, so the first entry is the least recently stored.
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}
