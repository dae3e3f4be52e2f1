import { IntegrationEventTypes as T, type IntegrationEvent } from '@samad/events';

/**
 * What an agency's open screens are told changed about one of its requests (ADR 0044). Stable: a screen
 * refetches the row on any of them, and says so when the row left its open list.
 */
export const inboxChanges = [
  'assigned', // routed to this agency: a new row
  'acknowledged',
  'referred',
  'answered',
  'returned', // this agency disowned it: the row leaves (routing then sends it elsewhere)
  'reopened', // the citizen objected: back as new work
  'closed', // closed by the citizen's verdict, a supervisor or the rules: it leaves the open list
  'merged', // merged into another request as its duplicate: closed like any other
  'linked', // linked to a collective matter, answered once for all
  'due-changed', // a new due time: set by a supervisor, an extension approved, the clock resumed
  'overdue', // past its due time unanswered
  'information-requested', // the clock pauses while the citizen is asked
  'information-supplied', // the citizen answered the question
  'extension-requested',
  'extension-refused', // the due time stays as it was
  'directive', // a directive on it was issued, reported on or became overdue
  'contact-erased', // the citizen's personal data was erased: the contact goes
] as const;
export type InboxChangeKind = (typeof inboxChanges)[number];

/** What an agency's live inbox is told: which request changed and how, nothing personal (ADR 0044). */
export interface InboxChange {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly change: InboxChangeKind;
}

/** A change as the event gives it: `agencyCode` undefined when the event does not name the agency. */
export interface InboxChangeOfEvent {
  readonly trackingCode: string;
  /** Absent: the event names no agency; it concerns whichever agency's inbox holds the request. */
  readonly agencyCode?: string;
  readonly change: InboxChangeKind;
}

// Every request event that changes what an agency's inbox row shows (the agency projection) or what its
// request page says it waits for. The rest (follow-ups, ratings, attachments, signatories, reminders and
// escalations) only add to the request's history, which the screen reads again on the next change.
const changeByType: Readonly<Record<string, InboxChangeKind>> = {
  [T.requestRoutedToAgency]: 'assigned',
  [T.requestAcknowledged]: 'acknowledged',
  [T.requestReferredInsideAgency]: 'referred',
  [T.requestAnswered]: 'answered',
  [T.requestReturnedAsNotResponsible]: 'returned',
  [T.requestAnswerObjected]: 'reopened',
  [T.requestClosed]: 'closed',
  [T.requestMergedAsDuplicate]: 'merged',
  [T.requestLinkedToMatter]: 'linked',
  [T.requestDueTimeSet]: 'due-changed',
  [T.requestExtensionApproved]: 'due-changed',
  [T.requestDeadlineResumed]: 'due-changed',
  [T.requestDeadlineMissed]: 'overdue',
  [T.requestInformationRequested]: 'information-requested',
  [T.requestInformationSupplied]: 'information-supplied',
  [T.requestExtensionRequested]: 'extension-requested',
  [T.requestExtensionRefused]: 'extension-refused',
  [T.requestDirectiveIssued]: 'directive',
  [T.requestDirectiveReported]: 'directive',
  [T.requestDirectiveOverdue]: 'directive',
  [T.requestPersonalDataErased]: 'contact-erased',
};

/** The inbox change a request event makes, if it changes an agency's inbox. */
export function inboxChangeOf(
  event: Pick<IntegrationEvent, 'eventType' | 'data'>,
): InboxChangeOfEvent | undefined {
  const change = changeByType[event.eventType];
  const data = event.data as { trackingCode?: unknown; agencyCode?: unknown };
  if (!change || typeof data.trackingCode !== 'string') return undefined;
  return typeof data.agencyCode === 'string'
    ? { trackingCode: data.trackingCode, agencyCode: data.agencyCode, change }
    : { trackingCode: data.trackingCode, change };
}
