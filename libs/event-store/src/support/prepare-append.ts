// Validates an append before it reaches a batch, so one bad append can never fail its neighbours.
import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from '../event-store.errors';
import type { EventMetadata, EventToAppend, ExpectedRevision } from '../event-store.port';

export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface PreparedAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  /** True when the caller chose the ids, so a duplicate means a retry rather than a coincidence. */
  readonly idsSupplied: boolean;
  readonly events: readonly PreparedEvent[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const prepareAppend = (
  streamId: string,
  events: readonly EventToAppend[],
  expectedRevision: ExpectedRevision = 'any',
): PreparedAppend => {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidAppendError(String(streamId), 'the stream id must be a non-empty string');
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError(streamId, 'an append needs at least one event');
  }
  if (typeof expectedRevision === 'bigint' && expectedRevision < 0n) {
    throw new InvalidAppendError(streamId, `expected revision ${expectedRevision} is negative`);
  }
  let idsSupplied = false;
  const seen = new Set<string>();
  const prepared = events.map((event, index): PreparedEvent => {
    if (typeof event?.type !== 'string' || event.type.length === 0) {
      throw new InvalidAppendError(streamId, `event #${index} has no type`);
    }
    if (event.data === undefined) {
      throw new InvalidAppendError(streamId, `event #${index} (${event.type}) has no data`);
    }
    let id: string;
    if (event.id !== undefined) {
      if (typeof event.id !== 'string' || !UUID.test(event.id)) {
        throw new InvalidAppendError(streamId, `event #${index} id "${String(event.id)}" is not a UUID`);
      }
      id = event.id.toLowerCase();
      idsSupplied = true;
    } else {
      id = randomUUID();
    }
    if (seen.has(id)) throw new InvalidAppendError(streamId, `event id ${id} appears twice in one append`);
    seen.add(id);
    return { id, type: event.type, data: event.data, metadata: event.metadata ?? {} };
  });
  return { streamId, expectedRevision, idsSupplied, events: prepared };
};
