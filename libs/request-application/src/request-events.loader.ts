import type { RecordedEvent } from '@samad/event-store';
import { isRequestEvent, type RequestEvent } from '@samad/request-lifecycle';

/** A recorded event that is one of the request lifecycle's facts, with what the store knows about it. */
export type RecordedRequestEvent = RecordedEvent & RequestEvent;

/** A request stream held an event the request lifecycle does not know: a bug or a foreign writer, never skipped. */
export class ForeignEventError extends Error {
  constructor(readonly event: Pick<RecordedEvent, 'type' | 'streamId' | 'streamRevision' | 'id'>) {
    super(
      `${event.streamId}@${event.streamRevision} (event ${event.id}) is a "${event.type}", ` +
        'which is not a request lifecycle event',
    );
    this.name = 'ForeignEventError';
  }
}

/** One recorded event as a request event, checked by the lifecycle's own guard. */
export function requestEventOf(recorded: RecordedEvent): RecordedRequestEvent {
  if (!isRequestEvent(recorded)) throw new ForeignEventError(recorded);
  return recorded;
}

/** A request stream's recorded events as request events; throws ForeignEventError on the first foreign one. */
export const requestEventsOf = (recorded: readonly RecordedEvent[]): RecordedRequestEvent[] =>
  recorded.map(requestEventOf);
