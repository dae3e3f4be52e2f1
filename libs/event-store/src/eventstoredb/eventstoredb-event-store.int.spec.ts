// The shared contract against a real EventStoreDB/KurrentDB. jest.config.js runs this file only when
// EVENTSTOREDB_URL or EVENTSTORE_CONNECTION_STRING names a server, and prints why it did not otherwise.
import { randomUUID } from 'node:crypto';
import { jsonEvent } from '@eventstore/db-client';
import { StreamNotFoundError } from '../event-store.errors';
import { eventStoreContract } from '../test-support/event-store.contract';
import { CHAIN_METADATA_KEY } from './eventstoredb-chain';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// EVENTSTOREDB_URL (the name) or EVENTSTORE_CONNECTION_STRING (the adapter's).
const connectionString = (process.env.EVENTSTOREDB_URL ?? process.env.EVENTSTORE_CONNECTION_STRING)!;

eventStoreContract('eventstoredb', async () => EventStoreDbEventStore.fromConnectionString(connectionString));

describe('EventStoreDbEventStore: the client-side hash chain (ADR 0043)', () => {
  let store: EventStoreDbEventStore;
  const stream = (): string => `chain-${randomUUID()}`;
  const event = (type: string) => ({ type, data: { type }, metadata: { correlationId: 'c' } });

  beforeAll(() => {
    store = EventStoreDbEventStore.fromConnectionString(connectionString);
  });

  afterAll(async () => {
    await store.close();
  });

  it('chains every append, hides the chain key and verifies an untouched stream', async () => {
    const id = stream();
    await store.appendToStream(id, [event('A'), event('B')]);
    await store.appendToStream(id, [event('C')], { expectedRevision: 1n });
    const events = await store.readStream(id);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(events[0].metadata).toEqual({ correlationId: 'c' });
    expect(await store.verifyStream(id)).toEqual({ ok: true, eventsChecked: 3 });
  });

  it('keeps one chain under concurrent appends', async () => {
    const id = stream();
    await Promise.all(Array.from({ length: 5 }, (_, i) => store.appendToStream(id, [event(`E${i}`)])));
    expect(await store.verifyStream(id)).toEqual({ ok: true, eventsChecked: 5 });
  });

  it('fails a stream where an event was written past the adapter with a forged chain value', async () => {
    const id = stream();
    await store.appendToStream(id, [event('A')]);
    const forged = 'ab'.repeat(32);
    await store.client.appendToStream(
      id,
      jsonEvent({ type: 'B', data: { type: 'B' }, metadata: { [CHAIN_METADATA_KEY]: forged } }),
    );
    expect(await store.verifyStream(id)).toMatchObject({
      ok: false,
      brokenLink: { streamId: id, revision: 1n, reason: 'hash_mismatch', actualHash: forged },
    });
    await expect(store.verifyAll()).resolves.toMatchObject({ ok: false });
  });

  it('refuses to verify a stream that does not exist', async () => {
    await expect(store.verifyStream(stream())).rejects.toBeInstanceOf(StreamNotFoundError);
  });
});
