import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@samad/event-store';
import { StreamNotFoundError } from '@samad/event-store';
import {
  PERSONAL_DATA_VIEWED,
  PERSONAL_DATA_VIEWS_STREAM,
  type PersonalDataViewed,
} from '@samad/request-lifecycle';

/**
 * Appends the fact that someone saw a request's personal data in clear, to the access-audit stream.
 * Call it BEFORE answering with the values: if the append fails, nothing is shown.
 */
export async function recordPersonalDataViewed(
  store: EventStore,
  view: PersonalDataViewed,
  correlationId?: string,
): Promise<RecordedPersonalDataView> {
  const id = randomUUID();
  const result = await store.appendToStream(
    PERSONAL_DATA_VIEWS_STREAM,
    [
      {
        id,
        type: PERSONAL_DATA_VIEWED,
        data: view,
        metadata: {
          actor: { id: view.viewer.username, role: view.viewer.role },
          occurredAt: view.at,
          ...(correlationId !== undefined && { correlationId }),
        },
      },
    ],
    { expectedRevision: 'any' },
  );
  return { eventId: id, revision: result.nextExpectedRevision, view };
}

export interface RecordedPersonalDataView {
  readonly eventId: string;
  readonly revision: bigint;
  readonly view: PersonalDataViewed;
}

/** The recorded views from a revision on (inclusive), in order; none when the stream does not exist yet. */
export async function readPersonalDataViews(
  store: EventStore,
  fromRevision: bigint,
  maxCount = 1000,
): Promise<RecordedPersonalDataView[]> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(PERSONAL_DATA_VIEWS_STREAM, { fromRevision, maxCount });
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events
    .filter((event) => event.type === PERSONAL_DATA_VIEWED)
    .map((event) => ({
      eventId: event.id,
      revision: event.streamRevision,
      view: event.data as PersonalDataViewed,
    }));
}
