// The domain's own vocabulary. libs/events publishes an equal copy; request-integration.mapper.ts fails to
// compile if the two drift, which is the moment to publish a new event version.

export const requestKinds = ['request', 'complaint', 'demand'] as const;
/** درخواست، شکایت، مطالبه */
export type RequestKind = (typeof requestKinds)[number];

export const requestChannels = ['phone', 'desk', 'trip_letter', 'web'] as const;
/** 111 call, in-person desk, letter during a provincial trip, web. */
export type RequestChannel = (typeof requestChannels)[number];

/** عادی، فوری، بحرانی: critical is danger to life or property (a gas smell), with its own short deadline. */
export const requestPriorities = ['normal', 'urgent', 'critical'] as const;
export type RequestPriority = (typeof requestPriorities)[number];

export const answerOutcomes = ['positive', 'negative', 'partial'] as const;
export type AnswerOutcome = (typeof answerOutcomes)[number];

/** `manager`: an agency's manager at the centre took the caller and answered in person (ADR 38). */
export const routingOrigins = ['rules', 'supervisor', 'manager'] as const;
export type RoutingOrigin = (typeof routingOrigins)[number];

export const closeReasons = ['answered', 'duplicate', 'withdrawn', 'answered_at_first_contact'] as const;
/** `answered` after an answer; `duplicate` of another request; `withdrawn` by the citizen. */
export type CloseReason = (typeof closeReasons)[number];

export const requestStatuses = [
  'registered',
  'awaiting_manual_routing',
  'routed',
  'acknowledged',
  'referred',
  'returned',
  'answered',
  'closed',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Statuses in which an agency holds the request and its clock is running. */
export const heldStatuses = [
  'routed',
  'acknowledged',
  'referred',
] as const satisfies readonly RequestStatus[];
export type HeldStatus = (typeof heldStatuses)[number];

/** The one test of "an agency holds it, the clock runs" (inbox's open filter, overdue, agency topics). */
export const isHeldStatus = (status: string): status is HeldStatus =>
  (heldStatuses as readonly string[]).includes(status);

/** 1: the agency's manager, when a deadline is missed; 2: the governor's inspection office, later. */
export type EscalationLevel = 1 | 2;

/** Who gave the citizen's verdict: an operator on the phone, or the citizen on the public lookup. */
export const verdictChannels = ['operator', 'citizen'] as const;
export type VerdictChannel = (typeof verdictChannels)[number];

export const minimumRating = 1;
export const maximumRating = 5;
