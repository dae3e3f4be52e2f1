import { IntegrationEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import type { EventStore } from '@samad/event-store';
import { withoutPersonalData } from '@samad/request-application';
import { UnprocessableMessageError } from '@samad/service-kit';
import {
  evolve,
  initialState,
  isRequestEvent,
  stateFromEvents,
  toAgencyMessages,
  toRequestEvent,
  type AgencyTopicMessage,
  type RequestEvent,
  type RequestState,
} from '@samad/request-lifecycle';
import type { RequestStateCache } from './request-state.cache';

// No agency holds a request yet at these steps, so they never reach an agency topic.
const beforeAnyAgency: ReadonlySet<string> = new Set([
  IntegrationEventTypes.requestRegistered,
  IntegrationEventTypes.requestAwaitingManualRouting,
]);

/**
 * The agency topic messages one request event causes. The mapper needs the request as it was just before
 * the event: folded from the events this consumer saw (the cache), or read from the store after a gap.
 */
export async function agencyMessagesFor(
  store: EventStore,
  cache: RequestStateCache,
  source: RequestLifecycleIntegrationEvent,
): Promise<AgencyTopicMessage[]> {
  // Agency topics carry nothing personal, so the state is folded without anyone's data.
  const event = toRequestEvent(withoutPersonalData(source));
  const before = cache.before(source.streamId, source.streamRevision) ?? (await stateBefore(store, source));
  cache.remember(source.streamId, source.streamRevision, evolve(before, event));
  return beforeAnyAgency.has(source.eventType) ? [] : toAgencyMessages(before, event);
}

async function stateBefore(
  store: EventStore,
  source: RequestLifecycleIntegrationEvent,
): Promise<RequestState> {
  if (source.streamRevision === 0) return initialState();
  const prefix = await store.readStream(source.streamId, { maxCount: source.streamRevision });
  if (prefix.length !== source.streamRevision) {
    throw new UnprocessableMessageError(
      `${source.streamId} has ${prefix.length} events before revision ${source.streamRevision}`,
    );
  }
  const events = prefix.filter((e): e is typeof e & RequestEvent => isRequestEvent(e));
  if (events.length !== prefix.length)
    throw new UnprocessableMessageError(`${source.streamId} holds an event that is not a request event`);
  return stateFromEvents(events);
}
