// The EventStore contract: every adapter runs this same suite (PostgreSQL always, EventStoreDB when reachable).
import { randomUUID } from 'node:crypto';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type EventToAppend,
  type Position,
  type RecordedEvent,
} from '../index';
import { comparePositions } from '../position';

export type EventStoreFactory = () => Promise<EventStore>;

const event = (type: string, data: Record<string, unknown> = {}, id?: string): EventToAppend => ({
  ...(id ? { id } : {}),
  type,
  data,
  metadata: {
    correlationId: 'corr-1',
    actor: { id: 'op-7', role: 'operator' },
    occurredAt: '2025-01-01T08:00:00Z',
  },
});

const waitFor = async (condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const expectRejection = async <E>(
  promise: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`Expected a ${type.name}, but the call succeeded`);
};

export const eventStoreContract = (adapter: string, createStore: EventStoreFactory): void => {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    const stream = (): string => `contract-${randomUUID()}`;

    /** A position at the current end of the log, to read only what a test appends after it. */
    const endMarker = async (): Promise<Position> =>
      (await store.appendToStream(`marker-${randomUUID()}`, [event('MarkerPlaced')])).position;

    beforeAll(async () => {
      store = await createStore();
    });

    afterAll(async () => {
      await store.close();
    });

    describe('append and read a stream', () => {
      it('stores events with revisions, positions, metadata and a recording time', async () => {
        const id = stream();
        const before = Date.now();
        const result = await store.appendToStream(id, [
          event('RequestRegistered', { trackingCode: '1110000017' }),
          event('RequestRouted', { agency: 'water' }),
        ]);

        expect(result.nextExpectedRevision).toBe(1n);
        const events = await store.readStream(id);
        expect(events.map((e) => [e.type, e.streamRevision])).toEqual([
          ['RequestRegistered', 0n],
          ['RequestRouted', 1n],
        ]);
        expect(events[0].data).toEqual({ trackingCode: '1110000017' });
        expect(events[0].metadata).toMatchObject({
          correlationId: 'corr-1',
          actor: { id: 'op-7', role: 'operator' },
        });
        expect(events.every((e) => e.streamId === id)).toBe(true);
        expect(events[0].id).toMatch(/^[0-9a-f-]{36}$/);
        expect(events[0].recordedAt).toBeInstanceOf(Date);
        expect(events[0].recordedAt.getTime()).toBeGreaterThan(before - 60_000);
        expect(comparePositions(events[0].position, events[1].position)).toBeLessThan(0);
        expect(events[1].position).toEqual(result.position);
      });

      it('keeps the ids it was given and JSON of any shape, including Persian text', async () => {
        const id = stream();
        const eventId = randomUUID();
        const data = {
          text: 'درخواست آب شرب — روستای گچین',
          nested: { list: [1, 2.5, null, true] },
          zwnj: 'می‌خواهم',
        };
        await store.appendToStream(id, [event('RequestRegistered', data, eventId)]);
        const [stored] = await store.readStream(id);
        expect(stored.id).toBe(eventId);
        expect(stored.data).toEqual(data);
      });

      it('reads backwards, with maxCount and fromRevision', async () => {
        const id = stream();
        await store.appendToStream(
          id,
          [0, 1, 2, 3, 4].map((n) => event('FollowUpRecorded', { n })),
        );
        const revisions = (events: RecordedEvent[]) => events.map((e) => e.streamRevision);

        expect(revisions(await store.readStream(id, { direction: 'backwards' }))).toEqual([
          4n,
          3n,
          2n,
          1n,
          0n,
        ]);
        expect(revisions(await store.readStream(id, { direction: 'backwards', maxCount: 2 }))).toEqual([
          4n,
          3n,
        ]);
        expect(revisions(await store.readStream(id, { direction: 'backwards', fromRevision: 2n }))).toEqual([
          2n,
          1n,
          0n,
        ]);
        expect(revisions(await store.readStream(id, { fromRevision: 3n }))).toEqual([3n, 4n]);
        expect(revisions(await store.readStream(id, { fromRevision: 1n, maxCount: 2 }))).toEqual([1n, 2n]);
        expect(await store.readStream(id, { fromRevision: 9n })).toEqual([]);
      });

      it('throws StreamNotFoundError for a stream that does not exist', async () => {
        const id = stream();
        const error = await expectRejection(store.readStream(id), StreamNotFoundError);
        expect(error.code).toBe('STREAM_NOT_FOUND');
        expect(error.streamId).toBe(id);
        await expectRejection(store.readStream(id, { direction: 'backwards' }), StreamNotFoundError);
      });
    });

    describe('expected revision', () => {
      it("'no_stream' succeeds only on a new stream", async () => {
        const id = stream();
        await expect(
          store.appendToStream(id, [event('A')], { expectedRevision: 'no_stream' }),
        ).resolves.toMatchObject({
          nextExpectedRevision: 0n,
        });
        const error = await expectRejection(
          store.appendToStream(id, [event('B')], { expectedRevision: 'no_stream' }),
          WrongExpectedVersionError,
        );
        expect(error).toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          streamId: id,
          expected: 'no_stream',
          actual: 0n,
        });
      });

      it("'stream_exists' fails on a new stream and succeeds on an existing one", async () => {
        const id = stream();
        const error = await expectRejection(
          store.appendToStream(id, [event('A')], { expectedRevision: 'stream_exists' }),
          WrongExpectedVersionError,
        );
        expect(error.actual).toBe('no_stream');
        expect(error.expected).toBe('stream_exists');
        await store.appendToStream(id, [event('A')]);
        await expect(
          store.appendToStream(id, [event('B')], { expectedRevision: 'stream_exists' }),
        ).resolves.toMatchObject({ nextExpectedRevision: 1n });
      });

      it("'any' always succeeds", async () => {
        const id = stream();
        await store.appendToStream(id, [event('A')], { expectedRevision: 'any' });
        await expect(
          store.appendToStream(id, [event('B')], { expectedRevision: 'any' }),
        ).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
      });

      it('an exact revision succeeds when it is the current one and reports expected and actual when not', async () => {
        const id = stream();
        const first = await store.appendToStream(id, [event('A'), event('B')], {
          expectedRevision: 'no_stream',
        });
        const second = await store.appendToStream(id, [event('C')], {
          expectedRevision: first.nextExpectedRevision,
        });
        expect(second.nextExpectedRevision).toBe(2n);

        const error = await expectRejection(
          store.appendToStream(id, [event('D')], { expectedRevision: 1n }),
          WrongExpectedVersionError,
        );
        expect(error).toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          streamId: id,
          expected: 1n,
          actual: 2n,
        });
        const onMissing = await expectRejection(
          store.appendToStream(stream(), [event('D')], { expectedRevision: 0n }),
          WrongExpectedVersionError,
        );
        expect(onMissing.actual).toBe('no_stream');
        expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('lets exactly one of several concurrent writers with the same expectation win', async () => {
        const id = stream();
        await store.appendToStream(id, [event('A')]);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, n) =>
            store.appendToStream(id, [event('B', { n })], { expectedRevision: 0n }),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(rejected).toHaveLength(7);
        rejected.forEach((o) => expect(o.reason).toBeInstanceOf(WrongExpectedVersionError));
        expect(await store.readStream(id)).toHaveLength(2);
      });
    });

    describe('idempotent appends', () => {
      it('stores an event id appended twice once, and answers the retry with the original positions', async () => {
        const id = stream();
        const events = [event('A', {}, randomUUID()), event('B', {}, randomUUID())];
        const first = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        const again = await store.appendToStream(id, events, { expectedRevision: 'any' });
        expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect((await store.readStream(id)).map((e) => e.id)).toEqual(events.map((e) => e.id));
      });
    });

    describe('read all', () => {
      it('returns committed events of all streams in global order', async () => {
        const marker = await endMarker();
        const [a, b] = [stream(), stream()];
        await store.appendToStream(a, [event('A0')]);
        await store.appendToStream(b, [event('B0'), event('B1')]);
        await store.appendToStream(a, [event('A1')]);

        const all = (await store.readAll({ afterPosition: marker })).filter(
          (e) => e.streamId === a || e.streamId === b,
        );
        expect(all.map((e) => e.type)).toEqual(['A0', 'B0', 'B1', 'A1']);
        for (let i = 1; i < all.length; i++) {
          expect(comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);
        }
      });

      it('reads from a position inclusively, after a position exclusively, and honours maxCount', async () => {
        const marker = await endMarker();
        const id = stream();
        for (const type of ['E0', 'E1', 'E2', 'E3']) await store.appendToStream(id, [event(type)]);
        const ours = (events: RecordedEvent[]) => events.filter((e) => e.streamId === id).map((e) => e.type);

        const all = (await store.readAll({ afterPosition: marker })).filter((e) => e.streamId === id);
        expect(all.map((e) => e.type)).toEqual(['E0', 'E1', 'E2', 'E3']);
        expect(ours(await store.readAll({ fromPosition: all[1].position }))).toEqual(['E1', 'E2', 'E3']);
        expect(ours(await store.readAll({ afterPosition: all[1].position }))).toEqual(['E2', 'E3']);
        expect(ours(await store.readAll({ fromPosition: all[1].position, maxCount: 2 }))).toEqual([
          'E1',
          'E2',
        ]);
        const firstPage = await store.readAll({ maxCount: 3 });
        expect(firstPage).toHaveLength(3);
      });
    });

    describe('subscribe to all', () => {
      it('catches up from a checkpoint, then delivers live events until stopped', async () => {
        const marker = await endMarker();
        const id = stream();
        await store.appendToStream(id, [event('Past0'), event('Past1')]);

        const received: RecordedEvent[] = [];
        const subscription = store.subscribeToAll({
          fromCheckpoint: marker,
          onEvent: (e) => {
            if (e.streamId === id) received.push(e);
          },
        });
        await waitFor(() => received.length === 2, 10_000, 'catch-up');
        await store.appendToStream(id, [event('Live0')]);
        await store.appendToStream(id, [event('Live1')]);
        await waitFor(() => received.length === 4, 10_000, 'live events');
        await subscription.stop();
        await subscription.done;

        await store.appendToStream(id, [event('AfterStop')]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(received.map((e) => e.type)).toEqual(['Past0', 'Past1', 'Live0', 'Live1']);
        expect(received.map((e) => e.streamRevision)).toEqual([0n, 1n, 2n, 3n]);
      });

      it('can be consumed with for await, and leaving the loop stops it', async () => {
        const marker = await endMarker();
        const id = stream();
        await store.appendToStream(id, [event('First')]);
        const subscription = store.subscribeToAll({ fromCheckpoint: marker });
        setTimeout(() => void store.appendToStream(id, [event('Second')]), 100);

        const types: string[] = [];
        for await (const e of subscription) {
          if (e.streamId !== id) continue;
          types.push(e.type);
          if (types.length === 2) break;
        }
        expect(types).toEqual(['First', 'Second']);
        await expect(subscription.done).resolves.toBeUndefined();
      });

      it('resumes after a checkpoint without repeating it', async () => {
        const marker = await endMarker();
        const id = stream();
        await store.appendToStream(id, [event('A'), event('B'), event('C')]);
        const [a] = (await store.readAll({ afterPosition: marker })).filter((e) => e.streamId === id);

        const received: string[] = [];
        const subscription = store.subscribeToAll({
          fromCheckpoint: a.position,
          onEvent: (e) => {
            if (e.streamId === id) received.push(e.type);
          },
        });
        await waitFor(() => received.length >= 2, 10_000, 'resumed events');
        await subscription.stop();
        expect(received).toEqual(['B', 'C']);
      });
    });
  });
};
