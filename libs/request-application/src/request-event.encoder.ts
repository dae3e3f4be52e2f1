import {
  encodeIntegrationEvent,
  isProtectedEventTypeV2,
  withholdClearPersonalData,
  type Actor,
  type RequestLifecycleIntegrationEvent,
} from '@samad/events';
import { recordedEventToJson, type RecordedEvent } from '@samad/event-store';
import { UNREADABLE_PERSONAL_DATA } from '@samad/personal-data';
import { isRequestEvent, toIntegrationEnvelope } from '@samad/request-lifecycle';

/**
 * A recorded request event as the integration envelope every consumer validates (what the relay publishes).
 * The relay reads the store as stored, so citizens and free text go out sealed exactly as kept (v2); any
 * value found in clear (an event from before sealing, or a store that opened it) is withheld, never sent.
 */
export function encodeRecordedRequestEvent(event: RecordedEvent): string {
  // The relay parks it on the dead-letter topic instead of publishing sealed data or stalling.
  const unreadable = event.metadata[UNREADABLE_PERSONAL_DATA];
  if (unreadable !== undefined)
    throw new Error(`personal data of ${event.id} does not open: ${String(unreadable)}`);
  // Anything that is not a request event goes out as-is; consumers park it on the dead-letter topic.
  if (!isRequestEvent(event)) return JSON.stringify(recordedEventToJson(event));
  const { metadata } = event;
  const stored = toIntegrationEnvelope(event, {
    eventId: event.id,
    streamRevision: event.streamRevision,
    position: event.position.prepare,
    recordedAt: event.recordedAt,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    // The store keeps the role as text; the envelope's schema refuses an unknown one downstream.
    actor: metadata.actor as Actor | undefined,
  });
  const published = isProtectedEventTypeV2(stored.eventType)
    ? { ...stored, eventVersion: 2, data: withholdClearPersonalData(stored.eventType, stored.data) }
    : stored;
  return encodeIntegrationEvent(published as RequestLifecycleIntegrationEvent);
}
