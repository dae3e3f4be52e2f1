import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from '../event-store.errors';
import type { RecordedEvent } from '../event-store.port';
import { verifyChain } from '../support/client-side-chain';
import type { PreparedEvent } from '../support/prepare-append';
import {
  CHAIN_METADATA_KEY,
  chainedEventOf,
  sealEvents,
  storedMetadataText,
  unsealMetadata,
} from './eventstoredb-chain';

const prepared = (type: string, data: unknown, metadata: Record<string, unknown> = {}): PreparedEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata,
});

/** What the server stores and a reader gets back: JSON bytes parsed again, metadata unsealed. */
const storeAndReadBack = (streamId: string, firstRevision: bigint, sealed: ReturnType<typeof sealEvents>) =>
  sealed.map((event, i): RecordedEvent => {
    const stored = JSON.parse(JSON.stringify(event.metadata)) as Record<string, unknown>;
    const { metadata, hash } = unsealMetadata(stored);
    return {
      id: event.id,
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data)) as unknown,
      metadata,
      streamId,
      streamRevision: firstRevision + BigInt(i),
      position: { commit: 1000n + firstRevision + BigInt(i), prepare: 1000n + firstRevision + BigInt(i) },
      recordedAt: new Date(),
      hash,
    };
  });

describe('the EventStoreDB chain codec', () => {
  const awkward = {
    '10': 'integer-like keys move first',
    b: [1, 1e21, -0, 0.1],
    a: { nested: 'فارسی', skipped: undefined },
    emoji: '😀',
  };

  it('seals events so that what a reader gets back verifies', async () => {
    const first = sealEvents('request-1', undefined, [
      prepared('RequestRegistered', awkward, { actor: { id: 'op', role: 'operator' }, z: 1, a: 2 }),
      prepared('RequestRouted', { agency: 'water' }),
    ]);
    const read = storeAndReadBack('request-1', 0n, first);
    const head = { revision: 1n, hash: read[1].hash };
    const more = storeAndReadBack('request-1', 2n, sealEvents('request-1', head, [prepared('Closed', {})]));
    expect(await verifyChain([...read, ...more].map(chainedEventOf))).toEqual({ ok: true, eventsChecked: 3 });
  });

  it('hides the chain key from callers and exposes it as the hash', () => {
    const [sealed] = sealEvents('s', undefined, [prepared('T', {}, { correlationId: 'c' })]);
    expect(sealed.metadata).toEqual({ correlationId: 'c', [CHAIN_METADATA_KEY]: sealed.hash });
    expect(unsealMetadata(sealed.metadata)).toEqual({ metadata: { correlationId: 'c' }, hash: sealed.hash });
    expect(unsealMetadata({ correlationId: 'c' })).toEqual({ metadata: { correlationId: 'c' }, hash: '' });
  });

  it('rebuilds the stored metadata text for the audit leaf', () => {
    const [sealed] = sealEvents('s', undefined, [prepared('T', {}, { b: 1, a: 2 })]);
    const [read] = storeAndReadBack('s', 0n, [sealed]);
    expect(storedMetadataText(read)).toBe(JSON.stringify(sealed.metadata));
  });

  it('refuses metadata that sets the reserved key', () => {
    expect(() => sealEvents('s', undefined, [prepared('T', {}, { [CHAIN_METADATA_KEY]: 'forged' })])).toThrow(
      InvalidAppendError,
    );
  });

  it('fails verification when an event was appended with a forged chain value', async () => {
    const read = storeAndReadBack(
      's',
      0n,
      sealEvents('s', undefined, [prepared('A', {}), prepared('B', {})]),
    );
    const forged = { ...read[1], hash: 'ab'.repeat(32) };
    expect(await verifyChain([read[0], forged].map(chainedEventOf))).toMatchObject({
      ok: false,
      brokenLink: { revision: 1n, reason: 'hash_mismatch', actualHash: 'ab'.repeat(32) },
    });
  });

  it('fails verification when a chain was computed from a stale head (a forked chain)', async () => {
    const read = storeAndReadBack(
      's',
      0n,
      sealEvents('s', undefined, [prepared('A', {}), prepared('B', {})]),
    );
    const staleHead = { revision: 0n, hash: read[0].hash };
    const [forked] = storeAndReadBack('s', 2n, sealEvents('s', staleHead, [prepared('C', {})]));
    expect(await verifyChain([...read, forked].map(chainedEventOf))).toMatchObject({
      ok: false,
      brokenLink: { revision: 2n, reason: 'hash_mismatch' },
    });
  });
});
