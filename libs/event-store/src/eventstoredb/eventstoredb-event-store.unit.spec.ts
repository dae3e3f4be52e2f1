// The adapter's chaining against an in-memory client (the real server suite is the .int.spec, ADR 0043).
import { randomUUID } from 'node:crypto';
import { jsonEvent } from '@eventstore/db-client';
import { auditLeafHash, type AuditLeafInput } from '../audit/audit-leaf';
import { eventStoreDbAuditLeaves, readEventStoreDbLeavesAfter } from '../audit/eventstoredb-audit-source';
import {
  DuplicateEventIdError,
  InvalidAppendError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../event-store.errors';
import type { EventToAppend } from '../event-store.port';
import { FakeEventStoreDbClient } from '../test-support/fake-eventstoredb-client';
import { CHAIN_METADATA_KEY } from './eventstoredb-chain';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const event = (type: string, id?: string): EventToAppend => ({
  ...(id ? { id } : {}),
  type,
  data: { type, at: 'فارسی' },
  metadata: { correlationId: 'corr-1', actor: { id: 'op-7', role: 'operator' } },
});

describe('EventStoreDbEventStore with its client-side chain', () => {
  let fake: FakeEventStoreDbClient;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    fake = new FakeEventStoreDbClient();
    store = new EventStoreDbEventStore(fake.asClient(), false);
  });

  it('chains appends, shows the hash, hides the chain key and verifies', async () => {
    await store.appendToStream('s', [event('A'), event('B')], { expectedRevision: 'no_stream' });
    await store.appendToStream('s', [event('C')], { expectedRevision: 1n });
    await store.appendToStream('t', [event('D')]);
    const events = await store.readStream('s');
    expect(events.map((e) => e.hash)).toEqual(
      fake.streams.get('s')!.map((e) => (e.metadata as Record<string, string>)[CHAIN_METADATA_KEY]),
    );
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(events[0].metadata).toEqual({ correlationId: 'corr-1', actor: { id: 'op-7', role: 'operator' } });
    expect(await store.verifyStream('s')).toEqual({ ok: true, eventsChecked: 3 });
    expect(await store.verifyAll()).toEqual({ ok: true, eventsChecked: 4 });
  });

  it('retries an unpinned append when another writer moved the head, keeping one chain', async () => {
    await store.appendToStream('s', [event('A')]);
    fake.beforeNextAppend = () => store.appendToStream('s', [event('Between')]);
    await store.appendToStream('s', [event('B')]);
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A', 'Between', 'B']);
    expect(await store.verifyStream('s')).toEqual({ ok: true, eventsChecked: 3 });
  });

  it('fails a pinned append when another writer moved the head meanwhile', async () => {
    await store.appendToStream('s', [event('A')]);
    fake.beforeNextAppend = () => store.appendToStream('s', [event('Between')]);
    await expect(store.appendToStream('s', [event('B')], { expectedRevision: 0n })).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_VERSION',
      actual: 1n,
    });
    expect(await store.verifyStream('s')).toEqual({ ok: true, eventsChecked: 2 });
  });

  it('never forks the chain under concurrent unpinned appends', async () => {
    await Promise.all(Array.from({ length: 6 }, (_, i) => store.appendToStream('s', [event(`E${i}`)])));
    expect(await store.verifyStream('s')).toEqual({ ok: true, eventsChecked: 6 });
  });

  it('fails a pinned append whose head moved, as WrongExpectedVersion', async () => {
    await store.appendToStream('s', [event('A')]);
    await expect(store.appendToStream('s', [event('B')], { expectedRevision: 5n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await expect(
      store.appendToStream('missing', [event('B')], { expectedRevision: 'stream_exists' }),
    ).rejects.toMatchObject({ actual: 'no_stream' });
    await expect(
      store.appendToStream('s', [event('B')], { expectedRevision: 'no_stream' }),
    ).rejects.toMatchObject({ actual: 0n });
  });

  it('answers retries with the original result, and refuses a partial overlap', async () => {
    const events = [event('A', randomUUID()), event('B', randomUUID())];
    const first = await store.appendToStream('s', events, { expectedRevision: 'no_stream' });
    expect(await store.appendToStream('s', events, { expectedRevision: 'no_stream' })).toEqual(first);
    expect(await store.appendToStream('s', events, { expectedRevision: 'any' })).toEqual(first);
    const more = [event('C', randomUUID())];
    const second = await store.appendToStream('s', more, { expectedRevision: 1n });
    await store.appendToStream('s', [event('D')]);
    expect(await store.appendToStream('s', more, { expectedRevision: 1n })).toEqual(second);
    await expect(
      store.appendToStream('s', [events[0], event('New', randomUUID())], { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    expect(await store.verifyStream('s')).toEqual({ ok: true, eventsChecked: 4 });
  });

  it('refuses metadata that sets the chain key', async () => {
    await expect(
      store.appendToStream('s', [{ type: 'A', data: {}, metadata: { [CHAIN_METADATA_KEY]: 'x' } }]),
    ).rejects.toBeInstanceOf(InvalidAppendError);
  });

  it('fails verification of an event written past the adapter with a forged chain value', async () => {
    await store.appendToStream('s', [event('A')]);
    await store.appendToStream('t', [event('T')]);
    const forged = 'ab'.repeat(32);
    await fake.appendToStream(
      's',
      jsonEvent({ type: 'B', data: {}, metadata: { [CHAIN_METADATA_KEY]: forged } }),
    );
    expect(await store.verifyStream('s')).toMatchObject({
      ok: false,
      brokenLink: { streamId: 's', revision: 1n, reason: 'hash_mismatch', actualHash: forged },
    });
    expect(await store.verifyAll()).toMatchObject({
      ok: false,
      eventsChecked: 3,
      brokenLink: { streamId: 's' },
    });
  });

  it('fails verification of an event written past the adapter with no chain value', async () => {
    await fake.appendToStream('legacy', jsonEvent({ type: 'Old', data: {} }));
    expect(await store.verifyStream('legacy')).toMatchObject({
      ok: false,
      brokenLink: { revision: 0n, reason: 'hash_mismatch', actualHash: '' },
    });
  });

  it('refuses to verify a stream that does not exist', async () => {
    await expect(store.verifyStream('missing')).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('yields audit leaves from $all in global order, without system events, with the stored texts', async () => {
    await store.appendToStream('s', [event('A')]);
    await store.appendToStream('t', [event('B'), event('C')]);
    const leaves: AuditLeafInput[] = [];
    for await (const leaf of eventStoreDbAuditLeaves(store)) leaves.push(leaf);
    expect(leaves.map((l) => `${l.streamId}@${l.revision}`)).toEqual(['s@0', 't@0', 't@1']);
    const stored = fake.streams.get('s')![0];
    expect(leaves[0]).toEqual({
      commit: stored.position.commit,
      prepare: stored.position.prepare,
      streamId: 's',
      revision: 0n,
      eventId: stored.id,
      type: 'A',
      dataText: JSON.stringify(stored.data),
      metadataText: JSON.stringify(stored.metadata),
      recordedAtMicros: BigInt(stored.created.getTime()) * 1000n,
    });
    expect(() => auditLeafHash(leaves[0])).not.toThrow();
    const after = await readEventStoreDbLeavesAfter(
      store,
      { commit: leaves[0].commit, prepare: leaves[0].prepare },
      1,
    );
    expect(after.map((l) => `${l.streamId}@${l.revision}`)).toEqual(['t@0']);
  });
});
