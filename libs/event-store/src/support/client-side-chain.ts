// A per-stream SHA-256 chain computed by the client, for stores that keep none themselves (ADR 0043).
// Same byte layout as PostgreSQL's event_store.event_hash; only the JSON texts are the adapter's own.
import { createHash } from 'node:crypto';
import type { BrokenLink, Position, VerificationResult } from '../event-store.port';
import { i64, lengthPrefixed } from './length-prefixed';

/** What one link hashes: every stored fact of the event except its position and time. */
export interface ChainLink {
  readonly streamId: string;
  readonly revision: bigint;
  /** A UUID. */
  readonly eventId: string;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
}

/** A stored event with the hash it claims. */
export interface ChainedEvent extends ChainLink {
  /** Hex; '' when the event carries none. */
  readonly hash: string;
  readonly position?: Position;
}

export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
}

const uuidBytes = (id: string): Buffer => {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`Not a UUID: "${id}"`);
  return Buffer.from(hex, 'hex');
};

/** The link's hex SHA-256 over the previous hash ('' for revision 0) and the event's stored facts. */
export const chainLinkHash = (previousHash: string, link: ChainLink): string =>
  createHash('sha256')
    .update(Buffer.from(previousHash, 'hex'))
    .update(lengthPrefixed(link.streamId))
    .update(i64(link.revision))
    .update(uuidBytes(link.eventId))
    .update(lengthPrefixed(link.type))
    .update(lengthPrefixed(link.dataText))
    .update(lengthPrefixed(link.metadataText))
    .digest('hex');

/** Hashes for events appended after `head` (undefined for a new stream), revisions following on. */
export const chainHashesAfter = (
  head: StreamHead | undefined,
  links: readonly Omit<ChainLink, 'revision'>[],
): { revision: bigint; hash: string }[] => {
  let previous = head?.hash ?? '';
  let revision = head ? head.revision : -1n;
  return links.map((link) => {
    revision += 1n;
    previous = chainLinkHash(previous, { ...link, revision });
    return { revision, hash: previous };
  });
};

/** Checks events one at a time, in global order (or one stream's revision order); remembers each stream's head. */
export class ChainVerifier {
  private readonly heads = new Map<string, StreamHead & { position?: Position }>();
  private checked = 0;

  get eventsChecked(): number {
    return this.checked;
  }

  /** The first broken link this event shows, if any. */
  check(event: ChainedEvent): BrokenLink | undefined {
    this.checked += 1;
    const head = this.heads.get(event.streamId);
    const expectedRevision = head ? head.revision + 1n : 0n;
    const expectedHash = chainLinkHash(head?.hash ?? '', event);
    this.heads.set(event.streamId, { revision: event.revision, hash: event.hash, position: event.position });
    if (event.revision !== expectedRevision) return brokenLink(event, expectedHash, 'revision_gap');
    if (event.hash !== expectedHash) return brokenLink(event, expectedHash, 'hash_mismatch');
    return undefined;
  }

  /** Compares a stream's last checked event with a head known elsewhere (catches a lost tail). */
  checkHead(streamId: string, expected: StreamHead): BrokenLink | undefined {
    const actual = this.heads.get(streamId);
    if (actual && actual.revision === expected.revision && actual.hash === expected.hash) return undefined;
    return {
      streamId,
      revision: expected.revision,
      ...(actual?.position && actual.revision === expected.revision ? { position: actual.position } : {}),
      expectedHash: expected.hash,
      actualHash: actual?.hash ?? '',
      reason: 'head_mismatch',
    };
  }
}

const brokenLink = (event: ChainedEvent, expectedHash: string, reason: BrokenLink['reason']): BrokenLink => ({
  streamId: event.streamId,
  revision: event.revision,
  ...(event.position ? { position: event.position } : {}),
  expectedHash,
  actualHash: event.hash,
  reason,
});

/** Verifies events (any streams, each in order) and, when given, the heads known for their streams. */
export const verifyChain = async (
  events: Iterable<ChainedEvent> | AsyncIterable<ChainedEvent>,
  knownHeads: ReadonlyMap<string, StreamHead> = new Map(),
): Promise<VerificationResult> => {
  const verifier = new ChainVerifier();
  for await (const event of events) {
    const broken = verifier.check(event);
    if (broken) return { ok: false, eventsChecked: verifier.eventsChecked, brokenLink: broken };
  }
  for (const [streamId, head] of knownHeads) {
    const broken = verifier.checkHead(streamId, head);
    if (broken) return { ok: false, eventsChecked: verifier.eventsChecked, brokenLink: broken };
  }
  return { ok: true, eventsChecked: verifier.eventsChecked };
};
