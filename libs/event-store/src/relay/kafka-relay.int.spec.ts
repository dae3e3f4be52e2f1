// The relay against a real broker and real PostgreSQL: outage, leader failover, restart.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Client } from 'pg';
import { silentLogger, type Position } from '../index';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { migratedTestDatabase } from '../test-support/test-database';
import { KafkaRelay, type KafkaRelayOptions } from './kafka-relay';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafkaPort = process.env.KAFKA_PORT ?? brokers[0].split(':').pop() ?? '9092';
const repoRoot = resolve(__dirname, '../../../..');
const run = promisify(execFile);

const kafkaScript = async (command: 'start' | 'stop'): Promise<void> => {
  await run('bash', ['infra/local/kafka.sh', command], {
    cwd: repoRoot,
    env: { ...process.env, KAFKA_PORT: kafkaPort },
    timeout: 150_000,
  });
};

interface Received {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: string;
}

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** First deliveries per stream must be revisions in order; later copies are at-least-once duplicates. */
const expectPerStreamOrder = (messages: readonly Received[], firstRevision: Map<string, bigint>) => {
  const seen = new Set<string>();
  const next = new Map(firstRevision);
  for (const message of messages) {
    if (seen.has(message.eventId)) continue;
    seen.add(message.eventId);
    expect({ stream: message.streamId, revision: message.revision }).toEqual({
      stream: message.streamId,
      revision: next.get(message.streamId) ?? 0n,
    });
    next.set(message.streamId, message.revision + 1n);
  }
};

describe('KafkaRelay', () => {
  const kafka = new Kafka({ clientId: 'samad-relay-test', brokers, logLevel: logLevel.NOTHING });
  let databaseUrl: string;
  let store: PostgresEventStore;
  let sql: Client;
  const consumers: Consumer[] = [];
  const relays: KafkaRelay[] = [];

  beforeAll(async () => {
    databaseUrl = await migratedTestDatabase();
    store = new PostgresEventStore({ connectionString: databaseUrl, logger: silentLogger });
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await Promise.all(consumers.splice(0).map((consumer) => consumer.disconnect().catch(() => undefined)));
  });

  afterAll(async () => {
    await store.close();
    await sql.end();
    // Whatever happened in an outage test, leave the shared broker running.
    await kafkaScript('start');
  }, 180_000);

  const createTopic = async (): Promise<string> => {
    const topic = `relay-test-${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
        waitForLeaders: true,
      });
    } finally {
      await admin.disconnect();
    }
    return topic;
  };

  const consume = async (topic: string): Promise<Received[]> => {
    const received: Received[] = [];
    const consumer = kafka.consumer({ groupId: `relay-test-${randomUUID()}` });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const header = (name: string) => message.headers?.[name]?.toString() ?? '';
        const value = JSON.parse(message.value?.toString() ?? '{}');
        expect(value.id).toBe(header('event-id'));
        expect(message.key?.toString()).toBe(value.streamId);
        received.push({
          eventId: header('event-id'),
          streamId: value.streamId,
          revision: BigInt(header('stream-revision')),
          position: header('position'),
        });
      },
    });
    return received;
  };

  /** Starts a fresh relay name at the current end of the log, so it relays only this test's events. */
  const relayNamedAtEnd = async (): Promise<string> => {
    const name = `relay-test-${randomUUID()}`;
    const marker = (
      await store.appendToStream(`relay-marker-${randomUUID()}`, [{ type: 'Marker', data: {} }])
    ).position;
    await sql.query(
      'INSERT INTO event_store.relay_checkpoints (relay_name, "commit", prepare) VALUES ($1, $2, $3)',
      [name, marker.commit.toString(), marker.prepare.toString()],
    );
    return name;
  };

  const newRelay = (
    name: string,
    topic: string,
    relayStore = store,
    extra: Partial<KafkaRelayOptions> = {},
  ): KafkaRelay => {
    const relay = new KafkaRelay({
      ...extra,
      name,
      store: relayStore,
      databaseUrl,
      kafka,
      topic,
      batchSize: 50,
      lockRetryMs: 200,
      heartbeatMs: 200,
      retry: { initialMs: 200, maxMs: 1000 },
      logger: silentLogger,
    });
    relays.push(relay);
    return relay;
  };

  const appendSpread = async (
    prefix: string,
    streams: number,
    appends: number,
    written: string[],
    pauseMs = 0,
  ) => {
    for (let n = 0; n < appends; n++) {
      const id = randomUUID();
      await store.appendToStream(`${prefix}-${n % streams}`, [{ id, type: 'Appended', data: { n } }]);
      written.push(id);
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
  };

  const checkpointOf = async (name: string): Promise<Position | undefined> => {
    const { rows } = await sql.query(
      'SELECT "commit", prepare FROM event_store.relay_checkpoints WHERE relay_name = $1',
      [name],
    );
    return rows[0] ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : undefined;
  };

  it('parks an event it cannot encode on the dead-letter topic, naming it without its data, and goes on', async () => {
    const [topic, deadLetters] = [await createTopic(), await createTopic()];
    const name = await relayNamedAtEnd();
    const relay = new KafkaRelay({
      name,
      store,
      databaseUrl,
      kafka,
      topic,
      deadLetterTopic: deadLetters,
      lockRetryMs: 200,
      logger: silentLogger,
      encode: (event) => {
        if (event.type === 'Unreadable') throw new Error('personal data does not open');
        return JSON.stringify({ id: event.id, streamId: event.streamId });
      },
    });
    relays.push(relay);
    const published = await consume(topic);
    const parked: { key: string | undefined; value: Record<string, unknown> }[] = [];
    const parkedReader = kafka.consumer({ groupId: `relay-test-${randomUUID()}` });
    consumers.push(parkedReader);
    await parkedReader.connect();
    await parkedReader.subscribe({ topic: deadLetters, fromBeginning: true });
    await parkedReader.run({
      eachMessage: async ({ message }) => {
        parked.push({ key: message.key?.toString(), value: JSON.parse(message.value?.toString() ?? '{}') });
      },
    });
    relay.start();
    const stream = `poison-${randomUUID()}`;
    const [before, poison, after] = [randomUUID(), randomUUID(), randomUUID()];
    await store.appendToStream(stream, [{ id: before, type: 'Appended', data: { n: 1 } }]);
    await store.appendToStream(stream, [{ id: poison, type: 'Unreadable', data: { secret: 'زهرا' } }]);
    await store.appendToStream(stream, [{ id: after, type: 'Appended', data: { n: 3 } }]);

    await waitFor(() => published.some((m) => m.eventId === after), 30_000, 'the event after the poison');
    await waitFor(() => parked.length > 0, 30_000, 'the dead-letter notice');
    expect(published.map((m) => m.eventId)).toEqual([before, after]);
    expect(parked).toHaveLength(1);
    expect(parked[0].key).toBe(stream);
    expect(parked[0].value).toMatchObject({
      originalTopic: topic,
      reason: 'unpublishable',
      error: 'personal data does not open',
    });
    expect(JSON.parse(String(parked[0].value.payload))).toMatchObject({
      eventId: poison,
      type: 'Unreadable',
    });
    expect(JSON.stringify(parked[0].value)).not.toContain('زهرا');
  }, 60_000);

  it('passes over the events it does not include, and moves its checkpoint past them', async () => {
    const topic = await createTopic();
    const name = await relayNamedAtEnd();
    const relay = new KafkaRelay({
      name,
      store,
      databaseUrl,
      kafka,
      topic,
      lockRetryMs: 200,
      logger: silentLogger,
      include: (event) => !event.streamId.startsWith('private-'),
    });
    relays.push(relay);
    const published = await consume(topic);
    relay.start();
    const [shown, hidden] = [`shown-${randomUUID()}`, `private-${randomUUID()}`];
    const first = randomUUID();
    await store.appendToStream(shown, [{ id: first, type: 'Appended', data: { n: 1 } }]);
    await store.appendToStream(hidden, [{ type: 'Appended', data: { secret: 'زهرا' } }]);
    const last = (await store.appendToStream(hidden, [{ type: 'Appended', data: { n: 3 } }])).position;

    // A batch of passed-over events alone still advances the checkpoint.
    await waitFor(
      async () => ((await checkpointOf(name))?.commit ?? 0n) >= last.commit,
      30_000,
      'the checkpoint past the private events',
    );
    // The checkpoint is saved only after Kafka acked, so the topic's offsets now count all it ever got.
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(1);
    await waitFor(() => published.length > 0, 30_000, 'the included event');
    expect(published.map((m) => m.eventId)).toEqual([first]);
  }, 60_000);

  it('keeps every event through a broker outage, in per-stream order, and never advances the checkpoint early', async () => {
    const topic = await createTopic();
    const name = await relayNamedAtEnd();
    const startCheckpoint = await checkpointOf(name);
    const relay = newRelay(name, topic);
    relay.start();
    const prefix = `outage-${randomUUID().slice(0, 8)}`;
    const written: string[] = [];

    const writing = appendSpread(prefix, 10, 400, written, 15);
    await waitFor(() => written.length >= 60 && relay.stats.published > 0, 30_000, 'relay to publish');
    await kafkaScript('stop');
    const checkpointWhileDown = await checkpointOf(name);
    await waitFor(() => relay.stats.kafkaFailures > 0, 30_000, 'the relay to notice the outage');
    await new Promise((r) => setTimeout(r, 1000));
    // Nothing was acked while the broker was down, so the checkpoint did not move.
    expect(await checkpointOf(name)).toEqual(checkpointWhileDown);
    await kafkaScript('start');
    await writing;

    const received = await consume(topic);
    const expected = new Set(written);
    await waitFor(
      () => new Set(received.map((m) => m.eventId)).size >= expected.size,
      90_000,
      'all events in Kafka',
    );
    expect(new Set(received.map((m) => m.eventId))).toEqual(expected);
    expectPerStreamOrder(received, new Map());
    expect(relay.stats.kafkaFailures).toBeGreaterThan(0);
    await waitFor(
      async () => {
        const checkpoint = await checkpointOf(name);
        return (
          checkpoint !== undefined &&
          startCheckpoint !== undefined &&
          checkpoint.commit > startCheckpoint.commit
        );
      },
      10_000,
      'checkpoint to advance',
    );
  }, 240_000);

  it('publishes from exactly one instance and fails over when the leader dies', async () => {
    const topic = await createTopic();
    const name = await relayNamedAtEnd();
    const leaderStore = new PostgresEventStore({
      connectionString: databaseUrl,
      applicationName: `relay-test-leader-${name}`,
      logger: silentLogger,
    });
    const first = newRelay(name, topic, leaderStore);
    first.start();
    await waitFor(() => first.stats.isLeader, 10_000, 'first instance to lead');
    const second = newRelay(name, topic);
    second.start();
    const received = await consume(topic);
    const prefix = `failover-${randomUUID().slice(0, 8)}`;
    const written: string[] = [];

    await appendSpread(prefix, 5, 40, written);
    await waitFor(() => received.length >= 40, 30_000, 'events via the leader');
    await new Promise((r) => setTimeout(r, 600));
    expect(first.stats.published).toBe(40);
    expect(second.stats.published).toBe(0);
    expect(second.stats.isLeader).toBe(false);

    // The leader "dies": its PostgreSQL connections are killed and its pool closed.
    await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name IN ($1, $2)`,
      [`samad-relay:${name}:${first.instanceId}`, `relay-test-leader-${name}`],
    );
    await leaderStore.close();

    await appendSpread(prefix, 5, 40, written);
    await waitFor(() => second.stats.isLeader, 10_000, 'second instance to take over');
    await waitFor(
      () => new Set(received.map((m) => m.eventId)).size >= 80,
      30_000,
      'events via the new leader',
    );
    expect(new Set(received.map((m) => m.eventId))).toEqual(new Set(written));
    expectPerStreamOrder(received, new Map());
    expect(second.stats.published).toBeGreaterThanOrEqual(40);
    expect(first.stats.isLeader).toBe(false);
  }, 120_000);

  it('resumes from its checkpoint after a restart, skipping nothing and repeating nothing', async () => {
    const topic = await createTopic();
    const name = await relayNamedAtEnd();
    const received = await consume(topic);
    const prefix = `restart-${randomUUID().slice(0, 8)}`;
    const written: string[] = [];

    const before = newRelay(name, topic);
    before.start();
    await appendSpread(prefix, 4, 50, written);
    await waitFor(() => before.stats.published === 50, 30_000, 'first run to publish');
    await before.stop();
    const stoppedAt = await checkpointOf(name);

    await appendSpread(prefix, 4, 30, written);
    const after = newRelay(name, topic);
    after.start();
    await waitFor(() => received.length >= 80, 30_000, 'events after restart');
    await new Promise((r) => setTimeout(r, 300));

    expect(after.stats.published).toBe(30);
    expect(received).toHaveLength(80);
    expect(new Set(received.map((m) => m.eventId))).toEqual(new Set(written));
    expectPerStreamOrder(received, new Map());
    const resumedAt = await checkpointOf(name);
    expect(resumedAt && stoppedAt && resumedAt.commit > stoppedAt.commit).toBe(true);
  }, 60_000);

  it('with exactlyOnce, publishes nothing twice when its PostgreSQL checkpoint is lost: Kafka knows what landed', async () => {
    const topic = await createTopic();
    const name = await relayNamedAtEnd();
    const startedAt = await checkpointOf(name);
    const received = await consume(topic);
    const prefix = `once-${randomUUID().slice(0, 8)}`;
    const written: string[] = [];
    const exactlyOnce = { checkpointTopic: topic };

    const before = newRelay(name, topic, store, { exactlyOnce });
    before.start();
    await appendSpread(prefix, 4, 40, written);
    await waitFor(() => before.stats.published === 40, 30_000, 'first run to publish');
    await before.stop();
    // As if every PostgreSQL checkpoint write of the first run had failed after Kafka committed.
    await sql.query(
      'UPDATE event_store.relay_checkpoints SET "commit" = $2, prepare = $3 WHERE relay_name = $1',
      [name, startedAt!.commit.toString(), startedAt!.prepare.toString()],
    );

    await appendSpread(prefix, 4, 10, written);
    const after = newRelay(name, topic, store, { exactlyOnce });
    after.start();
    await waitFor(() => received.length >= 50, 30_000, 'events after restart');
    await waitFor(
      async () => ((await checkpointOf(name))?.commit ?? 0n) > startedAt!.commit,
      30_000,
      'checkpoint',
    );
    await new Promise((r) => setTimeout(r, 500));

    expect(received).toHaveLength(50);
    expect(new Set(received.map((m) => m.eventId))).toEqual(new Set(written));
    expectPerStreamOrder(received, new Map());
  }, 60_000);

  it('routes an event to several messages or none, retries a routing failure and parks one that can never succeed', async () => {
    const [topic, deadLetters] = [await createTopic(), await createTopic()];
    const name = await relayNamedAtEnd();
    const received = await consume(topic);
    const parked: string[] = [];
    const parkedConsumer = kafka.consumer({ groupId: `relay-test-${randomUUID()}` });
    consumers.push(parkedConsumer);
    await parkedConsumer.connect();
    await parkedConsumer.subscribe({ topic: deadLetters, fromBeginning: true });
    await parkedConsumer.run({
      eachMessage: async ({ message }) => void parked.push(message.headers?.['event-id']?.toString() ?? ''),
    });
    class Permanent extends Error {}
    const failedOnce = new Set<string>();
    const route: KafkaRelayOptions['route'] = async (event) => {
      const n = (event.data as { n: number }).n;
      if (n === 7) throw new Permanent('never publishable');
      if (n === 3 && !failedOnce.has(event.id)) {
        failedOnce.add(event.id);
        throw new Error('store unreachable for a moment');
      }
      if (n % 2 === 1) return [];
      const value = JSON.stringify({ id: event.id, streamId: event.streamId });
      return [
        { topic, message: { key: event.streamId, value } },
        { topic, message: { key: event.streamId, value } },
      ];
    };
    const written: string[] = [];
    const relay = newRelay(name, topic, store, {
      topic: undefined,
      route,
      isPermanentError: (error) => error instanceof Permanent,
      deadLetterTopic: deadLetters,
      exactlyOnce: { checkpointTopic: topic },
    });
    relay.start();
    await appendSpread(`route-${randomUUID().slice(0, 8)}`, 2, 10, written);
    await waitFor(() => relay.stats.published === 10 && parked.length === 1, 30_000, 'all ten relayed');
    await new Promise((r) => setTimeout(r, 300));

    // n = 0, 2, 4, 6, 8 → two messages each; odd n → none; n = 3 failed once and went through; n = 7 parked.
    expect(received).toHaveLength(10);
    expect(new Set(received.map((m) => m.eventId))).toEqual(new Set(written.filter((_, n) => n % 2 === 0)));
    expect(failedOnce.size).toBe(1);
    expect(parked).toEqual([written[7]]);
  }, 60_000);
});
