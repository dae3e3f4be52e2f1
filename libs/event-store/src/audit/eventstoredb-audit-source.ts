// Reads an EventStoreDB/KurrentDB store as the audit tree sees it: $all in global order without system events,
// data and metadata as the JSON texts the adapter wrote (chain key included), recording time in microseconds.
import type { Position, RecordedEvent } from '../event-store.port';
import { storedMetadataText } from '../eventstoredb/eventstoredb-chain';
import type { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import type { AuditLeafInput } from './audit-leaf';

/** The client reports the server's 100 ns ticks as a millisecond Date: that is the precision a leaf gets. */
export const eventStoreDbLeafInput = (event: RecordedEvent): AuditLeafInput => ({
  commit: event.position.commit,
  prepare: event.position.prepare,
  streamId: event.streamId,
  revision: event.streamRevision,
  eventId: event.id,
  type: event.type,
  dataText: JSON.stringify(event.data),
  metadataText: storedMetadataText(event),
  recordedAtMicros: BigInt(event.recordedAt.getTime()) * 1000n,
});

/** Every event after `after` (exclusive; omitted = from the start) in global order. */
export async function* eventStoreDbAuditLeaves(
  store: EventStoreDbEventStore,
  after?: Position,
): AsyncGenerator<AuditLeafInput> {
  for await (const event of store.readAllEvents(after)) yield eventStoreDbLeafInput(event);
}

/** At most `limit` leaves after a position: what one checkpoint adds. */
export const readEventStoreDbLeavesAfter = async (
  store: EventStoreDbEventStore,
  after: Position,
  limit: number,
): Promise<AuditLeafInput[]> => {
  const leaves: AuditLeafInput[] = [];
  if (limit <= 0) return leaves;
  for await (const leaf of eventStoreDbAuditLeaves(store, after)) {
    leaves.push(leaf);
    if (leaves.length >= limit) break;
  }
  return leaves;
};
