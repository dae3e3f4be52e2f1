import type { ActorRole } from '@samad/events';
import { v5 as uuidv5, v4 as uuidv4 } from 'uuid';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type ExpectedRevision,
} from '@samad/event-store';
import {
  decide,
  evolve,
  initialState,
  requestStreamName,
  type RequestCommand,
  type RequestEvent,
  type RequestState,
} from '@samad/request-lifecycle';
import { requestEventsOf, type RecordedRequestEvent } from './request-events.loader';

export interface CommandContext {
  actor: { id: string; role: ActorRole };
  correlationId?: string;
  /** The event or HTTP request that caused this command; makes the resulting event ids deterministic. */
  causationId?: string;
}

export interface CommandOutcome {
  state: RequestState;
  appended: RequestEvent[];
  /** Revision of the stream's last event after the command (-1 when the stream does not exist). */
  revision: bigint;
}

// Any fixed namespace works; it only has to stay the same forever.
const EVENT_ID_NAMESPACE = '7b0b6f0e-3f7c-4a53-9f0e-5a4d0f3c1a11';

export interface LoadedRequest {
  state: RequestState;
  revision: ExpectedRevision;
}

export async function loadRequest(
  store: EventStore,
  trackingCode: string,
): Promise<LoadedRequest & { events: RecordedRequestEvent[] }> {
  try {
    const events = requestEventsOf(await store.readStream(requestStreamName(trackingCode)));
    if (events.length === 0) return { state: initialState(), events: [], revision: 'no_stream' };
    const state = events.reduce(evolve, initialState());
    return { state, events, revision: events[events.length - 1].streamRevision };
  } catch (error) {
    if (error instanceof StreamNotFoundError)
      return { state: initialState(), events: [], revision: 'no_stream' };
    throw error;
  }
}

/**
 * Load the request's stream, decide, append with the expected revision; on a concurrent write, reload
 * and decide again. Event ids derive from the causation id, so a redelivered cause appends nothing new.
 */
export async function handleRequestCommand(
  store: EventStore,
  command: RequestCommand,
  context: CommandContext,
  options: { maxAttempts?: number; loaded?: LoadedRequest } = {},
): Promise<CommandOutcome> {
  const { maxAttempts = 5 } = options;
  for (let attempt = 1; ; attempt++) {
    // A caller that has just loaded the request to decide what to do passes it in: no second read.
    const { state, revision } =
      attempt === 1 && options.loaded ? options.loaded : await loadRequest(store, command.data.trackingCode);
    const decided = decide(command, state);
    if (decided.length === 0) {
      return { state, appended: [], revision: revision === 'no_stream' ? -1n : (revision as bigint) };
    }
    const occurredAt = command.data.now.toISOString();
    try {
      const result = await store.appendToStream(
        requestStreamName(command.data.trackingCode),
        decided.map((event, index) => ({
          id: context.causationId
            ? uuidv5(`${context.causationId}/${command.type}/${index}`, EVENT_ID_NAMESPACE)
            : uuidv4(),
          type: event.type,
          data: event.data,
          metadata: {
            actor: context.actor,
            correlationId: context.correlationId,
            causationId: context.causationId,
            occurredAt,
          },
        })),
        { expectedRevision: revision },
      );
      return {
        state: decided.reduce(evolve, state),
        appended: decided,
        revision: result.nextExpectedRevision,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && attempt < maxAttempts) continue;
      throw error;
    }
  }
}
