import { createHash, randomUUID } from 'node:crypto';
import {
  chainHashesAfter,
  chainLinkHash,
  verifyChain,
  type ChainedEvent,
  type ChainLink,
} from './client-side-chain';

const link = (streamId: string, revision: bigint, type: string, data: unknown): ChainLink => ({
  streamId,
  revision,
  eventId: randomUUID(),
  type,
  dataText: JSON.stringify(data),
  metadataText: JSON.stringify({ actor: { id: 'op-7', role: 'operator' } }),
});

/** A stream as an honest writer stores it: each hash chained to the one before. */
const chainedStream = (streamId: string, count: number, firstCommit = 100n): ChainedEvent[] => {
  const events: ChainedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const base = link(streamId, BigInt(i), `Step${i}`, { step: i });
    const hash = chainLinkHash(events[i - 1]?.hash ?? '', base);
    events.push({
      ...base,
      hash,
      position: { commit: firstCommit + BigInt(i), prepare: firstCommit + BigInt(i) },
    });
  }
  return events;
};

describe('the client-side hash chain', () => {
  it('hashes the same byte layout as PostgreSQL event_store.event_hash', () => {
    const event: ChainLink = {
      streamId: 'request-1',
      revision: 0n,
      eventId: '00000000-0000-0000-0000-000000000001',
      type: 'T',
      dataText: '{}',
      metadataText: '{}',
    };
    const u32 = (n: number) => Buffer.from([0, 0, 0, n]);
    const expected = createHash('sha256')
      .update(
        Buffer.concat([
          u32(9),
          Buffer.from('request-1'),
          Buffer.alloc(8),
          Buffer.from('00000000000000000000000000000001', 'hex'),
          u32(1),
          Buffer.from('T'),
          u32(2),
          Buffer.from('{}'),
          u32(2),
          Buffer.from('{}'),
        ]),
      )
      .digest('hex');
    expect(chainLinkHash('', event)).toBe(expected);
  });

  it('continues from a stream head the way a verifier recomputes it', () => {
    const stored = chainedStream('s', 3);
    const more = [link('s', 0n, 'Next', { a: 1 }), link('s', 0n, 'Last', { b: 2 })];
    const hashes = chainHashesAfter({ revision: 2n, hash: stored[2].hash }, more);
    expect(hashes.map((h) => h.revision)).toEqual([3n, 4n]);
    expect(hashes[0].hash).toBe(chainLinkHash(stored[2].hash, { ...more[0], revision: 3n }));
    expect(hashes[1].hash).toBe(chainLinkHash(hashes[0].hash, { ...more[1], revision: 4n }));
    expect(chainHashesAfter(undefined, [more[0]])[0]).toEqual({
      revision: 0n,
      hash: chainLinkHash('', { ...more[0], revision: 0n }),
    });
  });

  it('passes an untouched stream, and several interleaved streams in global order', async () => {
    expect(await verifyChain(chainedStream('s', 5))).toEqual({ ok: true, eventsChecked: 5 });
    const [a, b] = [chainedStream('a', 3, 10n), chainedStream('b', 3, 20n)];
    const interleaved = [a[0], b[0], b[1], a[1], a[2], b[2]];
    expect(await verifyChain(interleaved)).toEqual({ ok: true, eventsChecked: 6 });
    expect(await verifyChain([])).toEqual({ ok: true, eventsChecked: 0 });
  });

  it('reads an async source too', async () => {
    async function* source() {
      yield* chainedStream('s', 4);
    }
    expect(await verifyChain(source())).toEqual({ ok: true, eventsChecked: 4 });
  });

  it('finds edited data at the edited event', async () => {
    const events = chainedStream('s', 4);
    events[2] = { ...events[2], dataText: JSON.stringify({ step: 99 }) };
    const result = await verifyChain(events);
    expect(result).toMatchObject({
      ok: false,
      eventsChecked: 3,
      brokenLink: { streamId: 's', revision: 2n, reason: 'hash_mismatch', actualHash: events[2].hash },
    });
    expect(!result.ok && result.brokenLink.position).toEqual(events[2].position);
  });

  it('finds edited metadata, type or id', async () => {
    for (const edit of [{ metadataText: '{}' }, { type: 'Forged' }, { eventId: randomUUID() }]) {
      const events = chainedStream('s', 3);
      events[1] = { ...events[1], ...edit };
      expect(await verifyChain(events)).toMatchObject({
        ok: false,
        brokenLink: { revision: 1n, reason: 'hash_mismatch' },
      });
    }
  });

  it('finds an edit whose hash was recomputed in place at the next link', async () => {
    const events = chainedStream('s', 4);
    const edited = { ...events[1], dataText: JSON.stringify({ step: 'forged' }) };
    events[1] = { ...edited, hash: chainLinkHash(events[0].hash, edited) };
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      brokenLink: { revision: 2n, reason: 'hash_mismatch', actualHash: events[2].hash },
    });
  });

  it('finds a missing middle event as a revision gap', async () => {
    const events = chainedStream('s', 5);
    events.splice(2, 1);
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      brokenLink: { revision: 3n, reason: 'revision_gap' },
    });
  });

  it('finds a deleted first event as a revision gap at the new first one', async () => {
    const events = chainedStream('s', 3).slice(1);
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      eventsChecked: 1,
      brokenLink: { revision: 1n, reason: 'revision_gap' },
    });
  });

  it('finds reordered events', async () => {
    const events = chainedStream('s', 4);
    [events[1], events[2]] = [events[2], events[1]];
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      brokenLink: { revision: 2n, reason: 'revision_gap' },
    });
  });

  it('finds renumbered events (revision rewritten to close a gap) as a hash mismatch', async () => {
    const events = chainedStream('s', 4);
    events.splice(1, 1);
    events[1] = { ...events[1], revision: 1n };
    events[2] = { ...events[2], revision: 2n };
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      brokenLink: { revision: 1n, reason: 'hash_mismatch' },
    });
  });

  it('finds a deleted tail against a head known elsewhere', async () => {
    const events = chainedStream('s', 4);
    const heads = new Map([['s', { revision: 3n, hash: events[3].hash }]]);
    expect(await verifyChain(events, heads)).toEqual({ ok: true, eventsChecked: 4 });
    const result = await verifyChain(events.slice(0, 3), heads);
    expect(result).toEqual({
      ok: false,
      eventsChecked: 3,
      brokenLink: {
        streamId: 's',
        revision: 3n,
        expectedHash: events[3].hash,
        actualHash: events[2].hash,
        reason: 'head_mismatch',
      },
    });
    expect(await verifyChain([], heads)).toMatchObject({
      ok: false,
      brokenLink: { reason: 'head_mismatch', actualHash: '' },
    });
  });

  it('fails an event that carries no hash (written without the chain)', async () => {
    const events = chainedStream('s', 2);
    events[1] = { ...events[1], hash: '' };
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      brokenLink: { revision: 1n, reason: 'hash_mismatch', actualHash: '' },
    });
  });

  it('names the first break in global order across streams', async () => {
    const [a, b] = [chainedStream('a', 3, 10n), chainedStream('b', 3, 20n)];
    b[1] = { ...b[1], dataText: '{"step":"x"}' };
    a[2] = { ...a[2], dataText: '{"step":"y"}' };
    expect(await verifyChain([a[0], b[0], b[1], a[1], a[2], b[2]])).toMatchObject({
      ok: false,
      eventsChecked: 3,
      brokenLink: { streamId: 'b', revision: 1n },
    });
  });
});
