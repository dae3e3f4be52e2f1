import { IntegrationEventTypes, type IntegrationEvent } from '@samad/events';

export const inboxChanges = [
  'assigned',
  'acknowledged',
  'referred',
  'answered',
  'returned',
  'reopened',
] as const;
export type InboxChangeKind = (typeof inboxChanges)[number];

/** What an agency's live inbox is told: which request changed and how, nothing personal (ADR 0044). */
export interface InboxChange {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly change: InboxChangeKind;
}

const changeByType: Readonly<Record<string, InboxChangeKind>> = {
  [IntegrationEventTypes.requestRoutedToAgency]: 'assigned',
  [IntegrationEventTypes.requestAcknowledged]: 'acknowledged',
  [IntegrationEventTypes.requestReferredInsideAgency]: 'referred',
  [IntegrationEventTypes.requestAnswered]: 'answered',
  [IntegrationEventTypes.requestReturnedAsNotResponsible]: 'returned',
  // The citizen objected: the request is back in the same inbox as new work.
  [IntegrationEventTypes.requestAnswerObjected]: 'reopened',
};

/** The inbox change a request event makes, if it changes one agency's inbox. */
export function inboxChangeOf(event: Pick<IntegrationEvent, 'eventType' | 'data'>): InboxChange | undefined {
  const change = changeByType[event.eventType];
  const data = event.data as { trackingCode?: unknown; agencyCode?: unknown };
  if (!change || typeof data.trackingCode !== 'string' || typeof data.agencyCode !== 'string')
    return undefined;
  return { trackingCode: data.trackingCode, agencyCode: data.agencyCode, change };
}
