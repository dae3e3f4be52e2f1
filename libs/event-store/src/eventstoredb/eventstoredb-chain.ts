// How the EventStoreDB adapter carries its client-side chain (ADR 0043): the hash rides in the event's
// metadata under a reserved key, and the hashed texts are JSON.stringify of what the server stores.
import { InvalidAppendError } from '../event-store.errors';
import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { PreparedEvent } from '../support/prepare-append';
import { chainHashesAfter, type ChainedEvent, type StreamHead } from '../support/client-side-chain';

/** Not `$`-prefixed: the server reads `$` metadata keys ($correlationId, $causationId) itself. */
export const CHAIN_METADATA_KEY = 'samadChainHash';

/** JSON.stringify's output is a fixed point of parse-then-stringify, so a reader recomputes the same text. */
const canonical = (value: unknown): { value: unknown; text: string } => {
  const text = JSON.stringify(value);
  return { value: JSON.parse(text) as unknown, text };
};

export interface SealedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  /** The caller's metadata plus the chain hash. */
  readonly metadata: Record<string, unknown>;
  readonly hash: string;
}

/** The events as they will be sent, each carrying its link of the chain after `head`. */
export const sealEvents = (
  streamId: string,
  head: StreamHead | undefined,
  events: readonly PreparedEvent[],
): SealedEvent[] => {
  const texts = events.map((event) => {
    if (Object.prototype.hasOwnProperty.call(event.metadata, CHAIN_METADATA_KEY)) {
      throw new InvalidAppendError(streamId, `metadata may not set the reserved key ${CHAIN_METADATA_KEY}`);
    }
    return { event, data: canonical(event.data), metadata: canonical(event.metadata) };
  });
  const hashes = chainHashesAfter(
    head,
    texts.map(({ event, data, metadata }) => ({
      streamId,
      eventId: event.id,
      type: event.type,
      dataText: data.text,
      metadataText: metadata.text,
    })),
  );
  return texts.map(({ event, data, metadata }, i) => ({
    id: event.id,
    type: event.type,
    data: data.value,
    metadata: { ...(metadata.value as Record<string, unknown>), [CHAIN_METADATA_KEY]: hashes[i].hash },
    hash: hashes[i].hash,
  }));
};

/** Splits stored metadata into the caller's metadata and the chain hash ('' when absent). */
export const unsealMetadata = (stored: EventMetadata): { metadata: EventMetadata; hash: string } => {
  const { [CHAIN_METADATA_KEY]: hash, ...metadata } = stored;
  return { metadata, hash: typeof hash === 'string' ? hash : '' };
};

/** The link a verifier recomputes from an event as read back (metadata already unsealed). */
export const chainedEventOf = (event: RecordedEvent): ChainedEvent => ({
  streamId: event.streamId,
  revision: event.streamRevision,
  eventId: event.id,
  type: event.type,
  dataText: JSON.stringify(event.data),
  metadataText: JSON.stringify(event.metadata),
  hash: event.hash,
  position: event.position,
});

/** The metadata text exactly as stored (chain key last, as sealEvents put it). */
export const storedMetadataText = (event: RecordedEvent): string =>
  JSON.stringify(event.hash ? { ...event.metadata, [CHAIN_METADATA_KEY]: event.hash } : event.metadata);
