import {
  isProtectedEventTypeV2,
  type RequestLifecycleIntegrationEvent,
  type RequestLifecycleIntegrationEventV1,
} from '@samad/events';
import { revealPersonalData, type CitizenKeyVault } from '@samad/personal-data';
import { erasedCitizen, erasedText, requestEventTypeOf } from '@samad/request-lifecycle';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * A request event from the topic with its citizens and free text opened through the citizen key vault:
 * its v1 form, each value as given or erased. Only a consumer whose screens need them does this (intake's
 * caller search digests, the agency inbox); the rest never hold the values in clear.
 * @throws PersonalDataIntegrityError when sealed bytes do not verify (the transport parks the message)
 */
export async function openRequestEvent(
  vault: CitizenKeyVault,
  event: RequestLifecycleIntegrationEvent,
): Promise<RequestLifecycleIntegrationEventV1> {
  if (!isProtectedEventTypeV2(event.eventType)) return event as RequestLifecycleIntegrationEventV1;
  const [opened] = await revealPersonalData(vault, [
    {
      id: event.eventId,
      streamId: event.streamId,
      type: requestEventTypeOf(event.eventType),
      data: event.data,
    },
  ]);
  return { ...event, eventVersion: 1, data: opened.data } as RequestLifecycleIntegrationEventV1;
}

/**
 * The v1 form of a request event with nothing personal in it: every citizen reads as erased and every free
 * text as erasedText. For consumers that fold a request's state but need no one's data (agency topics).
 */
export function withoutPersonalData(
  event: RequestLifecycleIntegrationEvent,
): RequestLifecycleIntegrationEventV1 {
  if (!isProtectedEventTypeV2(event.eventType)) return event as RequestLifecycleIntegrationEventV1;
  const data: Record<string, unknown> = { ...event.data };
  for (const [field, value] of Object.entries(data)) {
    if (field === 'citizens' && Array.isArray(value)) data.citizens = value.map(() => ({ ...erasedCitizen }));
    else if (isObject(value) && (value.erased === true || typeof value.sealed === 'string'))
      data[field] = erasedText;
  }
  return { ...event, eventVersion: 1, data } as unknown as RequestLifecycleIntegrationEventV1;
}
