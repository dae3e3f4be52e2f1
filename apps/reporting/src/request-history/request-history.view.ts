import type { EventActor, Position, RecordedEvent, VerificationResult } from '@samad/event-store';
import { formatJalali, isRequestEvent, occurredAt as occurredAtOf } from '@samad/request-lifecycle';

// JSON cannot carry bigints: positions and broken-link revisions travel as decimal strings.

export interface PositionView {
  commit: string;
  prepare: string;
}

export interface HistoryEntry {
  eventId: string;
  revision: number;
  type: string;
  recordedAt: string;
  recordedAtJalali: string;
  occurredAt: string | null;
  occurredAtJalali: string | null;
  actor: EventActor | null;
  correlationId: string | null;
  causationId: string | null;
  position: PositionView;
  hash: string;
  data: unknown;
}

export type VerificationView =
  | { ok: true; eventsChecked: number }
  | {
      ok: false;
      eventsChecked: number;
      brokenLink: {
        streamId: string;
        revision: string;
        position: PositionView | null;
        expectedHash: string;
        actualHash: string;
        reason: string;
      };
    };

const positionView = (position: Position): PositionView => ({
  commit: position.commit.toString(),
  prepare: position.prepare.toString(),
});

// The fact's own time (named in its data); the metadata copy covers events this version does not know.
const occurredAtOfRecorded = (event: RecordedEvent): string | null => {
  if (isRequestEvent(event) && typeof event.data === 'object' && event.data !== null) {
    const fromData: unknown = occurredAtOf(event);
    if (typeof fromData === 'string') return fromData;
  }
  return typeof event.metadata.occurredAt === 'string' ? event.metadata.occurredAt : null;
};

export const toHistoryEntry = (event: RecordedEvent): HistoryEntry => {
  const occurredAt = occurredAtOfRecorded(event);
  const occurred = occurredAt === null ? undefined : new Date(occurredAt);
  return {
    eventId: event.id,
    revision: Number(event.streamRevision),
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    recordedAtJalali: formatJalali(event.recordedAt),
    occurredAt,
    occurredAtJalali: occurred && !Number.isNaN(occurred.getTime()) ? formatJalali(occurred) : null,
    actor: event.metadata.actor ?? null,
    correlationId: event.metadata.correlationId ?? null,
    causationId: event.metadata.causationId ?? null,
    position: positionView(event.position),
    hash: event.hash,
    data: event.data,
  };
};

export const toVerificationView = (result: VerificationResult): VerificationView => {
  if (result.ok) return { ok: true, eventsChecked: result.eventsChecked };
  const link = result.brokenLink;
  return {
    ok: false,
    eventsChecked: result.eventsChecked,
    brokenLink: {
      streamId: link.streamId,
      revision: link.revision.toString(),
      position: link.position ? positionView(link.position) : null,
      expectedHash: link.expectedHash,
      actualHash: link.actualHash,
      reason: link.reason,
    },
  };
};
