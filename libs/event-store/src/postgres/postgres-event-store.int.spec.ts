// The PostgreSQL adapter against a real server: the shared contract, plus what only this adapter promises.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { InvalidAppendError, WrongExpectedVersionError, type RecordedEvent } from '../index';
import { eventStoreContract } from '../test-support/event-store.contract';
import { migratedTestDatabase } from '../test-support/test-database';
import { PostgresEventStore } from './postgres-event-store';
import { runEventStoreMigrations } from './run-event-store-migrations';

eventStoreContract(
  'postgres',
  async () => new PostgresEventStore({ connectionString: await migratedTestDatabase() }),
);

describe('PostgresEventStore', () => {
  let databaseUrl: string;
  let store: PostgresEventStore;
  let sql: Client;
  const stream = (): string => `pg-${randomUUID()}`;

  beforeAll(async () => {
    databaseUrl = await migratedTestDatabase();
    store = new PostgresEventStore({ connectionString: databaseUrl });
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    await store.close();
    await sql.end();
  });

  describe('migrations', () => {
    it('are idempotent, even when run concurrently', async () => {
      const results = await Promise.all([
        runEventStoreMigrations(databaseUrl),
        runEventStoreMigrations(databaseUrl),
      ]);
      expect(results).toEqual([{ applied: [] }, { applied: [] }]);
      const { rows } = await sql.query('SELECT name FROM event_store.event_store_migrations');
      expect(rows.map((row) => row.name)).toEqual([
        'CreateEventStore1764460800000',
        'CreateAuditCheckpoints1796230000000',
        'AppendAsOwner1796270000000',
      ]);
    });
  });

  describe('write batching', () => {
    it('coalesces concurrent appends into shared transactions', async () => {
      const streams = Array.from({ length: 200 }, stream);
      const results = await Promise.all(
        streams.map((id) => store.appendToStream(id, [{ type: 'A', data: {} }])),
      );
      const transactions = new Set(results.map((result) => result.position.commit));
      expect(transactions.size).toBeLessThan(50);
    });

    it('fails only the append whose expectation is wrong, not the others in its batch', async () => {
      const [a, b] = [stream(), stream()];
      await store.appendToStream(a, [{ type: 'A', data: {} }]);
      const outcomes = await Promise.allSettled([
        store.appendToStream(a, [{ type: 'Stale', data: {} }], { expectedRevision: 5n }),
        store.appendToStream(b, [{ type: 'Fine', data: {} }], { expectedRevision: 'no_stream' }),
        store.appendToStream(a, [{ type: 'Good', data: {} }], { expectedRevision: 0n }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.readStream(a)).map((e) => e.type)).toEqual(['A', 'Good']);
    });

    it('applies several appends to one stream in one batch in submission order', async () => {
      const id = stream();
      const results = await Promise.all([
        store.appendToStream(id, [{ type: 'A', data: {} }], { expectedRevision: 'no_stream' }),
        store.appendToStream(
          id,
          [
            { type: 'B', data: {} },
            { type: 'C', data: {} },
          ],
          { expectedRevision: 0n },
        ),
        store.appendToStream(id, [{ type: 'D', data: {} }], { expectedRevision: 2n }),
      ]);
      expect(results.map((r) => r.nextExpectedRevision)).toEqual([0n, 2n, 3n]);
      expect(new Set(results.map((r) => r.position.commit)).size).toBe(1);
      const events = await store.readStream(id);
      expect(events.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      await expect(store.verifyStream(id)).resolves.toEqual({ ok: true, eventsChecked: 4 });
    });

    it('stores an append retried within the same batch once', async () => {
      const id = stream();
      const events = [
        { id: randomUUID(), type: 'A', data: {} },
        { id: randomUUID(), type: 'B', data: {} },
      ];
      await store.appendToStream(id, [{ type: 'Opened', data: {} }]);
      const [first, retry] = await Promise.all([
        store.appendToStream(id, events, { expectedRevision: 0n }),
        store.appendToStream(id, events, { expectedRevision: 0n }),
      ]);
      expect(retry).toEqual(first);
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['Opened', 'A', 'B']);
      await expect(
        store.appendToStream(id, [events[0], { id: randomUUID(), type: 'New', data: {} }]),
      ).rejects.toMatchObject({ code: 'DUPLICATE_EVENT_ID' });
    });

    it('rejects data PostgreSQL cannot store without failing its neighbours', async () => {
      const [bad, good] = [stream(), stream()];
      const outcomes = await Promise.allSettled([
        store.appendToStream(bad, [{ type: 'A', data: { text: 'nul \u0000 here' } }]),
        store.appendToStream(bad, [{ type: 'A', data: { lone: '\ud800' } }]),
        store.appendToStream(good, [{ type: 'A', data: { text: 'ok' } }]),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
      expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidAppendError);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidAppendError);
      expect((outcomes[1] as PromiseRejectedResult).reason.code).toBe('INVALID_APPEND');
    });

    it('refuses invalid input with typed errors', async () => {
      await expect(store.appendToStream(stream(), [])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(
        store.appendToStream(stream(), [{ id: 'not-a-uuid', type: 'A', data: {} }]),
      ).rejects.toMatchObject({
        code: 'INVALID_APPEND',
      });
      await expect(store.appendToStream('', [{ type: 'A', data: {} }])).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      await expect(store.appendToStream(stream(), [{ type: 'A', data: { n: 1n } }])).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
    });

    it('refuses to run append_batch after another write in the same transaction (ordering would break)', async () => {
      await sql.query('BEGIN');
      try {
        await sql.query('SELECT pg_current_xact_id()');
        await expect(sql.query(`SELECT * FROM event_store.append_batch('[]'::jsonb)`)).rejects.toThrow(
          /first write of its transaction/,
        );
      } finally {
        await sql.query('ROLLBACK');
      }
    });
  });

  describe('live subscriptions', () => {
    it('wake on NOTIFY, not on the (here: one minute) fallback poll', async () => {
      const live = new PostgresEventStore({
        connectionString: databaseUrl,
        subscriptions: { pollIntervalMs: 60_000 },
      });
      const id = stream();
      const marker = (await live.appendToStream(stream(), [{ type: 'Marker', data: {} }])).position;
      const received: RecordedEvent[] = [];
      const subscription = live.subscribeToAll({
        fromCheckpoint: marker,
        onEvent: (e) => {
          if (e.streamId === id) received.push(e);
        },
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const started = Date.now();
        await store.appendToStream(id, [{ type: 'A', data: {} }]);
        while (received.length === 0 && Date.now() - started < 5000)
          await new Promise((r) => setTimeout(r, 5));
        expect(received).toHaveLength(1);
        expect(Date.now() - started).toBeLessThan(1500);
      } finally {
        await subscription.stop();
        await live.close();
      }
    });

    it('re-polls shortly when an older open transaction holds the announced events back', async () => {
      const live = new PostgresEventStore({
        connectionString: databaseUrl,
        subscriptions: { pollIntervalMs: 60_000 },
      });
      const id = stream();
      const marker = (await live.appendToStream(stream(), [{ type: 'Marker', data: {} }])).position;
      const received: RecordedEvent[] = [];
      const subscription = live.subscribeToAll({
        fromCheckpoint: marker,
        onEvent: (e) => {
          if (e.streamId === id) received.push(e);
        },
      });
      const blocker = new Client({ connectionString: databaseUrl });
      await blocker.connect();
      // Let the subscription's LISTEN connection come up, so it hears the NOTIFY.
      await new Promise((resolve) => setTimeout(resolve, 300));
      try {
        // An unrelated writer takes an xid first: everything committed after it stays invisible until it ends.
        await blocker.query('BEGIN');
        await blocker.query('SELECT pg_current_xact_id()');
        await store.appendToStream(id, [{ type: 'HeldBack', data: {} }]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(received).toHaveLength(0);
        const released = Date.now();
        await blocker.query('COMMIT');
        while (received.length === 0 && Date.now() - released < 5000)
          await new Promise((r) => setTimeout(r, 5));
        expect(received.map((e) => e.type)).toEqual(['HeldBack']);
        expect(Date.now() - released).toBeLessThan(1000);
      } finally {
        await blocker.end();
        await subscription.stop();
        await live.close();
      }
    });
  });

  describe('tamper evidence', () => {
    const tampered: string[] = [];

    // Remove whole tampered streams afterwards, so verifyAll stays meaningful for later runs on this database.
    afterEach(async () => {
      const streams = tampered.splice(0);
      await sql.query('DELETE FROM event_store.events WHERE stream_id = ANY($1)', [streams]);
      await sql.query('DELETE FROM event_store.streams WHERE stream_id = ANY($1)', [streams]);
    });

    const appendFive = async (): Promise<string> => {
      const id = stream();
      tampered.push(id);
      await store.appendToStream(
        id,
        [0, 1, 2, 3, 4].map((n) => ({
          type: 'FollowUpRecorded',
          data: { n, note: 'پیگیری' },
          metadata: { actor: { id: 'u', role: 'operator' } },
        })),
      );
      return id;
    };

    it('verifies an untouched stream and the whole store', async () => {
      const id = await appendFive();
      await expect(store.verifyStream(id)).resolves.toEqual({ ok: true, eventsChecked: 5 });
      const all = await store.verifyAll();
      expect(all.ok).toBe(true);
      expect(all.eventsChecked).toBeGreaterThanOrEqual(5);
    });

    it('chains each hash to the previous event of the stream', async () => {
      const id = await appendFive();
      const events = await store.readStream(id);
      expect(new Set(events.map((e) => e.hash)).size).toBe(5);
      events.forEach((e) => expect(e.hash).toMatch(/^[0-9a-f]{64}$/));
    });

    it('catches an edited payload at the edited event', async () => {
      const id = await appendFive();
      const original = await store.readStream(id);
      await sql.query(
        `UPDATE event_store.events SET data = jsonb_set(data, '{n}', '99') WHERE stream_id = $1 AND stream_revision = 2`,
        [id],
      );
      const result = await store.verifyStream(id);
      expect(result).toMatchObject({
        ok: false,
        brokenLink: { streamId: id, revision: 2n, reason: 'hash_mismatch' },
      });
      if (result.ok) throw new Error('unreachable');
      expect(result.brokenLink.position).toEqual(original[2].position);
      expect(result.brokenLink.actualHash).toBe(original[2].hash);
      expect(result.brokenLink.expectedHash).not.toBe(original[2].hash);
      // The whole-store check finds it too (the first broken link in global order may be an earlier test's).
      expect((await store.verifyAll()).ok).toBe(false);
    });

    it('catches edited metadata and a rewritten hash at the next link', async () => {
      const id = await appendFive();
      await sql.query(
        `UPDATE event_store.events
            SET metadata = '{"actor":{"id":"someone-else","role":"operator"}}',
                hash = event_store.event_hash(
                  (SELECT p.hash FROM event_store.events p WHERE p.stream_id = $1 AND p.stream_revision = 0),
                  stream_id, stream_revision, event_id, event_type, data,
                  '{"actor":{"id":"someone-else","role":"operator"}}')
          WHERE stream_id = $1 AND stream_revision = 1`,
        [id],
      );
      await expect(store.verifyStream(id)).resolves.toMatchObject({
        ok: false,
        brokenLink: { revision: 2n, reason: 'hash_mismatch' },
      });
    });

    it('catches a deleted event in the middle and at the end', async () => {
      const middle = await appendFive();
      await sql.query('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 2', [
        middle,
      ]);
      await expect(store.verifyStream(middle)).resolves.toMatchObject({
        ok: false,
        brokenLink: { revision: 3n, reason: 'revision_gap' },
      });

      const tail = await appendFive();
      await sql.query('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 4', [tail]);
      const result = await store.verifyStream(tail);
      expect(result).toMatchObject({
        ok: false,
        brokenLink: { streamId: tail, revision: 4n, reason: 'head_mismatch' },
      });
      if (result.ok) throw new Error('unreachable');
      expect(result.brokenLink.position).toBeUndefined();
    });
  });
});
