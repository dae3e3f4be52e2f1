// The wire form of a recorded event (Kafka values, HTTP): bigints as decimal strings, dates as ISO-8601.
import type { EventMetadata, RecordedEvent } from './event-store.port';

export interface RecordedEventJson {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamRevision: string;
  readonly position: { readonly commit: string; readonly prepare: string };
  readonly recordedAt: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly hash: string;
}

export const recordedEventToJson = (event: RecordedEvent): RecordedEventJson => ({
  id: event.id,
  type: event.type,
  streamId: event.streamId,
  streamRevision: event.streamRevision.toString(),
  position: { commit: event.position.commit.toString(), prepare: event.position.prepare.toString() },
  recordedAt: event.recordedAt.toISOString(),
  data: event.data,
  metadata: event.metadata,
  hash: event.hash,
});

export const recordedEventFromJson = (json: RecordedEventJson): RecordedEvent => ({
  id: json.id,
  type: json.type,
  streamId: json.streamId,
  streamRevision: BigInt(json.streamRevision),
  position: { commit: BigInt(json.position.commit), prepare: BigInt(json.position.prepare) },
  recordedAt: new Date(json.recordedAt),
  data: json.data,
  metadata: json.metadata,
  hash: json.hash,
});
