import { IntegrationEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import type { EventStore } from '@samad/event-store';
import {
  stateFromEvents,
  toAgencyMessages,
  type AgencyTopicMessage,
  type RequestEvent,
} from '@samad/request-lifecycle';

// No agency holds a request yet at these steps, so they never reach an agency topic: skip the stream read.
const beforeAnyAgency: ReadonlySet<string> = new Set([
  IntegrationEventTypes.requestRegistered,
  IntegrationEventTypes.requestAwaitingManualRouting,
]);

/**
 * The agency topic messages one request event causes. The mapper needs the request as it was just
 * before the event, so the stream is read from the store up to and including it.
 */
export async function agencyMessagesFor(
  store: EventStore,
  source: RequestLifecycleIntegrationEvent,
): Promise<AgencyTopicMessage[]> {
  if (beforeAnyAgency.has(source.eventType)) return [];
  const upToEvent = await store.readStream(source.streamId, { maxCount: source.streamRevision + 1 });
  const event = upToEvent[upToEvent.length - 1];
  if (event?.id !== source.eventId) {
    throw new Error(`event ${source.eventId} is not revision ${source.streamRevision} of ${source.streamId}`);
  }
  const before = stateFromEvents(upToEvent.slice(0, -1) as unknown as RequestEvent[]);
  return toAgencyMessages(before, event as unknown as RequestEvent);
}
