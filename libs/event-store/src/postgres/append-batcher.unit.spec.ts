import { DuplicateEventIdError, InvalidAppendError, WrongExpectedVersionError } from '../event-store.errors';
import { prepareAppend } from '../support/prepare-append';
import { AppendBatcher, encodeAppend, type AppendBatchRow } from './append-batcher';

interface WireAppend {
  s: string;
  x: string;
  c: boolean;
  e: Array<{ i: string }>;
}

/** A stand-in for event_store.append_batch: every append succeeds unless `decide` says otherwise. */
const fakeDatabase = (decide: (append: WireAppend) => Partial<AppendBatchRow> = () => ({})) => {
  const calls: WireAppend[][] = [];
  let transaction = 100;
  const execute = async (json: string): Promise<AppendBatchRow[]> => {
    const appends = JSON.parse(json) as WireAppend[];
    calls.push(appends);
    transaction += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return appends.map((append, index) => ({
      append_index: index + 1,
      status: 'ok',
      revision: String(append.e.length - 1),
      transaction_id: String(transaction),
      global_position: String(index + 1),
      ...decide(append),
    }));
  };
  return { calls, execute };
};

const append = (stream: string, events = 1, expected: 'any' | bigint = 'any') =>
  prepareAppend(
    stream,
    Array.from({ length: events }, () => ({ type: 'A', data: { stream } })),
    expected,
  );

describe('AppendBatcher', () => {
  it('coalesces appends made together into one call and one transaction', async () => {
    const db = fakeDatabase();
    const batcher = new AppendBatcher(db.execute);
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => batcher.submit(append(`s${n}`))));
    expect(db.calls).toHaveLength(1);
    expect(db.calls[0]).toHaveLength(20);
    expect(new Set(results.map((r) => r.position.commit)).size).toBe(1);
  });

  it('queues what arrives while a batch is in flight and sends it as the next batch', async () => {
    const db = fakeDatabase();
    const batcher = new AppendBatcher(db.execute, { maxInFlight: 1 });
    const first = batcher.submit(append('a'));
    await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 5 }, (_, n) => batcher.submit(append(`b${n}`)));
    await Promise.all([first, ...later]);
    expect(db.calls.map((call) => call.length)).toEqual([1, 5]);
  });

  it('keeps batches under maxBatchEvents, but never splits one append', async () => {
    const db = fakeDatabase();
    const batcher = new AppendBatcher(db.execute, { maxBatchEvents: 10, maxInFlight: 1 });
    await Promise.all([
      batcher.submit(append('a', 6)),
      batcher.submit(append('b', 6)),
      batcher.submit(append('c', 25)),
    ]);
    expect(db.calls.map((call) => call.map((a) => a.s))).toEqual([['a'], ['b'], ['c']]);
  });

  it('settles each append by its own row and reports the committed transaction', async () => {
    const committed: bigint[] = [];
    const db = fakeDatabase((a) =>
      a.s === 'stale'
        ? { status: 'wrong_expected_version', revision: '4', transaction_id: null, global_position: null }
        : a.s === 'missing'
          ? { status: 'wrong_expected_version', revision: '-1', transaction_id: null, global_position: null }
          : a.s === 'dup'
            ? { status: 'duplicate', transaction_id: null, global_position: null }
            : {},
    );
    const batcher = new AppendBatcher(db.execute, { onCommitted: (tx) => committed.push(tx) });
    const outcomes = await Promise.allSettled([
      batcher.submit(append('fine')),
      batcher.submit(append('stale', 1, 2n)),
      batcher.submit(append('missing', 1, 0n)),
      batcher.submit(append('dup')),
    ]);
    expect(outcomes[0]).toEqual({
      status: 'fulfilled',
      value: { nextExpectedRevision: 0n, position: { commit: 101n, prepare: 1n } },
    });
    const reasons = outcomes.slice(1).map((o) => (o as PromiseRejectedResult).reason);
    expect(reasons[0]).toBeInstanceOf(WrongExpectedVersionError);
    expect(reasons[0]).toMatchObject({ streamId: 'stale', expected: 2n, actual: 4n });
    expect(reasons[1]).toMatchObject({ streamId: 'missing', expected: 0n, actual: 'no_stream' });
    expect(reasons[2]).toBeInstanceOf(DuplicateEventIdError);
    expect(committed).toEqual([101n]);
  });

  it('retries each append alone when PostgreSQL rejects the batch, so only the culprit fails', async () => {
    const calls: string[][] = [];
    const batcher = new AppendBatcher(async (json) => {
      const appends = JSON.parse(json) as WireAppend[];
      calls.push(appends.map((a) => a.s));
      if (appends.some((a) => a.s === 'bad')) {
        throw Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' });
      }
      return appends.map((_, index) => ({
        append_index: index + 1,
        status: 'ok' as const,
        revision: '0',
        transaction_id: '7',
        global_position: String(index),
      }));
    });
    const outcomes = await Promise.allSettled(['ok1', 'bad', 'ok2'].map((s) => batcher.submit(append(s))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidAppendError);
    expect(calls[0]).toEqual(['ok1', 'bad', 'ok2']);
    expect(calls.slice(1).sort()).toEqual([['bad'], ['ok1'], ['ok2']]);
  });

  it('resends a batch once with id checks after losing the connection, which makes the retry idempotent', async () => {
    const sent: WireAppend[][] = [];
    let failed = false;
    const batcher = new AppendBatcher(async (json) => {
      const appends = JSON.parse(json) as WireAppend[];
      sent.push(appends);
      if (!failed) {
        failed = true;
        throw new Error('Connection terminated unexpectedly');
      }
      return appends.map((_, index) => ({
        append_index: index + 1,
        status: 'idempotent' as const,
        revision: '0',
        transaction_id: '9',
        global_position: '1',
      }));
    });
    await expect(batcher.submit(append('s'))).resolves.toMatchObject({ nextExpectedRevision: 0n });
    expect(sent.map((call) => call[0].c)).toEqual([false, true]);
    expect(sent[1][0].e[0].i).toBe(sent[0][0].e[0].i);
  });

  it('refuses text jsonb cannot hold before it reaches a batch', () => {
    expect(() => encodeAppend(append('s', 0 + 1), false)).not.toThrow();
    const nul = prepareAppend('s', [{ type: 'A', data: { text: 'a\u0000b' } }]);
    expect(() => encodeAppend(nul, false)).toThrow(InvalidAppendError);
    const escapedBackslash = prepareAppend('s', [{ type: 'A', data: { text: 'a\\u0000b' } }]);
    expect(() => encodeAppend(escapedBackslash, false)).not.toThrow();
  });
});
