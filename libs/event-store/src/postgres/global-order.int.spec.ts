// No-skip proof: writers that commit out of sequence order, a live subscriber, every committed event exactly once.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { RecordedEvent } from '../index';
import { comparePositions } from '../position';
import { migratedTestDatabase } from '../test-support/test-database';
import { APPEND_CHANNEL } from './append-notifier';
import { PostgresEventStore } from './postgres-event-store';

const RAW_WRITERS = 20;
const STORE_WRITERS = 4;
const TRANSACTIONS_PER_WRITER = 25;
const STREAMS = 12;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

describe('global order under concurrent, slow, out-of-order commits', () => {
  let databaseUrl: string;
  let store: PostgresEventStore;

  beforeAll(async () => {
    databaseUrl = await migratedTestDatabase();
    store = new PostgresEventStore({ connectionString: databaseUrl, subscriptions: { batchSize: 50 } });
  });

  afterAll(async () => {
    await store.close();
  });

  it('delivers every committed event exactly once, in per-stream revision order, to a live subscriber', async () => {
    const run = randomUUID().slice(0, 8);
    const streams = Array.from({ length: STREAMS }, (_, n) => `order-${run}-${n}`);
    const committed = new Set<string>();
    const rolledBack = new Set<string>();

    const marker = (await store.appendToStream(`order-${run}-marker`, [{ type: 'Marker', data: {} }]))
      .position;
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({
      fromCheckpoint: marker,
      onEvent: (event) => {
        if (event.streamId.startsWith(`order-${run}-`) && event.type !== 'Marker') received.push(event);
      },
    });

    // A naive tailer ("highest global_position seen") running alongside, to show what the design prevents.
    const naive = new Set<string>();
    let naiveStop = false;
    const naiveReader = (async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      let last = (await client.query('SELECT coalesce(max(global_position), 0) AS p FROM event_store.events'))
        .rows[0].p;
      while (!naiveStop) {
        const { rows } = await client.query(
          'SELECT event_id, global_position FROM event_store.events WHERE global_position > $1 ORDER BY global_position',
          [last],
        );
        for (const row of rows) {
          naive.add(row.event_id);
          last = row.global_position;
        }
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      await client.end();
    })();

    // Raw SQL writers: the same append function, then a random pause INSIDE the transaction before COMMIT.
    const rawWriter = async (): Promise<void> => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
          const appends = Array.from({ length: 1 + Math.floor(Math.random() * 2) }, () => ({
            s: pick(streams),
            x: '-2',
            c: false,
            e: Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
              i: randomUUID(),
              t: 'Written',
              d: { by: 'raw' },
              m: {},
            })),
          }));
          const ids = appends.flatMap((append) => append.e.map((e) => e.i));
          const rollback = Math.random() < 0.1;
          await client.query('BEGIN');
          const { rows } = await client.query('SELECT * FROM event_store.append_batch($1::jsonb)', [
            JSON.stringify(appends),
          ]);
          await client.query('SELECT pg_sleep($1)', [Math.random() * 0.04]);
          if (rollback) {
            await client.query('ROLLBACK');
            ids.forEach((id) => rolledBack.add(id));
          } else {
            await client.query('COMMIT');
            ids.forEach((id) => committed.add(id));
            // Writers outside the library announce their commit the same way the store does.
            await client.query('SELECT pg_notify($1, $2)', [APPEND_CHANNEL, rows[0].transaction_id]);
          }
        }
      } finally {
        await client.end();
      }
    };

    // Library writers on the batched path, interleaving with the raw ones on the same streams.
    const storeWriter = async (): Promise<void> => {
      for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
        const id = randomUUID();
        await store.appendToStream(pick(streams), [{ id, type: 'Written', data: { by: 'store' } }]);
        committed.add(id);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
      }
    };

    await Promise.all([
      ...Array.from({ length: RAW_WRITERS }, rawWriter),
      ...Array.from({ length: STORE_WRITERS }, storeWriter),
    ]);

    const deadline = Date.now() + 20_000;
    while (received.length < committed.size && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Anything extra would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await subscription.stop();
    naiveStop = true;
    await naiveReader;

    const receivedIds = received.map((event) => event.id);
    expect(new Set(receivedIds).size).toBe(receivedIds.length);
    expect(new Set(receivedIds)).toEqual(committed);
    expect(receivedIds.filter((id) => rolledBack.has(id))).toEqual([]);

    for (let i = 1; i < received.length; i++) {
      expect(comparePositions(received[i - 1].position, received[i].position)).toBeLessThan(0);
    }
    const revisions = new Map<string, bigint[]>();
    for (const event of received) {
      const list = revisions.get(event.streamId) ?? [];
      list.push(event.streamRevision);
      revisions.set(event.streamId, list);
    }
    for (const [, list] of revisions) {
      expect(list).toEqual(list.map((_, index) => BigInt(index)));
    }

    // The hazard was real in this run: sequence values committed out of order.
    const outOfSequence = received.some(
      (event, i) => i > 0 && event.position.prepare < received[i - 1].position.prepare,
    );
    expect(outOfSequence).toBe(true);
    const naiveMissed = [...committed].filter((id) => !naive.has(id)).length;
    console.info(
      `global order: ${committed.size} committed, ${rolledBack.size} rolled back, ${received.length} delivered; ` +
        `a naive max(global_position) tailer missed ${naiveMissed}`,
    );
  });
});
