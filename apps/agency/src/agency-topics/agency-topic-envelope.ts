import type { AgencyIntegrationEvent, RequestLifecycleIntegrationEvent } from '@samad/events';
import type { AgencyTopicMessage } from '@samad/request-lifecycle';

/**
 * An agency topic message in the integration envelope, carrying the source event's identity and place
 * in the stream: agency systems deduplicate on eventId and order by streamRevision, as on the request topic.
 */
export const toAgencyEnvelope = (
  message: AgencyTopicMessage,
  source: Pick<
    RequestLifecycleIntegrationEvent,
    'eventId' | 'streamId' | 'streamRevision' | 'position' | 'occurredAt' | 'recordedAt' | 'actor'
  >,
): AgencyIntegrationEvent =>
  ({
    eventId: source.eventId,
    eventType: message.eventType,
    eventVersion: message.eventVersion,
    streamId: source.streamId,
    streamRevision: source.streamRevision,
    position: source.position,
    occurredAt: source.occurredAt,
    recordedAt: source.recordedAt,
    ...(source.actor !== undefined && { actor: source.actor }),
    data: message.data,
  }) as AgencyIntegrationEvent;
