import { IntegrationEventTypes, type IntegrationEvent } from '@samad/events';

/**
 * What a scorecard counts, one row per fact, each at the moment it happened (ADR 26): a new fact is one
 * more case in `scorecardFactOf`.
 */
export const scorecardFactKinds = [
  'received',
  'answered',
  'deadline_missed',
  'escalated',
  'extension_requested',
  'extension_granted',
  'reopened',
  'rated',
] as const;
export type ScorecardFactKind = (typeof scorecardFactKinds)[number];

/** An answered fact's `value` when the agency's manager answered in person (ADR 38). */
export const ANSWERED_IN_PERSON = 1;

/** One fact as the agency's scorecard sees it (codes and times only, never personal data or text). */
export interface ScorecardFact {
  readonly kind: ScorecardFactKind;
  readonly trackingCode: string;
  readonly agencyCode: string;
  /** When it happened (the fact's own time, not when reporting saw it). */
  readonly at: Date;
  /** answered: when the agency received the request (its routing); the working-time span starts here. */
  readonly receivedAt?: Date;
  /** answered: the due time then running; received: the due time given. */
  readonly dueAt?: Date;
  /**
   * escalated: 1 (agency manager) or 2 (inspection office); rated: the citizen's 1–5; answered: 1 when the
   * agency's manager answered in person at the centre (ADR 38).
   */
  readonly value?: number;
}

/**
 * The fact an event contributes, without what only the read model knows (county; for an answer, when the
 * request was received and its due time): the projection fills those in. Undefined for other events.
 */
export const scorecardFactOf = (event: IntegrationEvent): Omit<ScorecardFact, 'receivedAt'> | undefined => {
  switch (event.eventType) {
    case IntegrationEventTypes.requestRoutedToAgency:
      return {
        kind: 'received',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: new Date(event.data.at),
        dueAt: new Date(event.data.dueAt),
      };
    case IntegrationEventTypes.requestAnswered:
      return {
        kind: 'answered',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: new Date(event.data.answeredAt),
        ...(event.data.inPerson === true && { value: ANSWERED_IN_PERSON }),
      };
    case IntegrationEventTypes.requestDeadlineMissed:
      return {
        kind: 'deadline_missed',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: new Date(event.data.at),
        dueAt: new Date(event.data.dueAt),
      };
    case IntegrationEventTypes.requestEscalated:
      return {
        kind: 'escalated',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: new Date(event.data.at),
        dueAt: new Date(event.data.dueAt),
        value: event.data.level,
      };
    case IntegrationEventTypes.requestAnswerRated:
      return {
        kind: 'rated',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: new Date(event.data.at),
        value: event.data.rating,
      };
    // An objection reopens the request to the same agency (ADR 25).
    case IntegrationEventTypes.requestAnswerObjected:
      return {
        kind: 'reopened',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: new Date(event.data.at),
        dueAt: new Date(event.data.dueAt),
      };
    case IntegrationEventTypes.requestExtensionRequested:
      return {
        kind: 'extension_requested',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: new Date(event.data.at),
      };
    case IntegrationEventTypes.requestExtensionApproved:
      return {
        kind: 'extension_granted',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: new Date(event.data.at),
        dueAt: new Date(event.data.dueAt),
      };
    default:
      return undefined;
  }
};
