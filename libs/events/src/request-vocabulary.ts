/**
 * The published vocabulary of a request, as other services and agency systems see it.
 * The domain keeps its own copy; a compile-time check in request-lifecycle keeps the two equal.
 */
export const requestKinds = ['request', 'complaint', 'demand'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestChannels = ['phone', 'desk', 'trip_letter', 'web'] as const;
export type RequestChannel = (typeof requestChannels)[number];

/** Absent on a registration means `normal` (requests registered before priorities). */
export const requestPriorities = ['normal', 'urgent', 'critical'] as const;
export type RequestPriority = (typeof requestPriorities)[number];

export const answerOutcomes = ['positive', 'negative', 'partial'] as const;
export type AnswerOutcome = (typeof answerOutcomes)[number];

/** `manager`: an agency's manager at the centre took the caller and answered in person (ADR 38). */
export const routingOrigins = ['rules', 'supervisor', 'manager'] as const;
export type RoutingOrigin = (typeof routingOrigins)[number];

export const closeReasons = ['answered', 'duplicate', 'withdrawn', 'answered_at_first_contact'] as const;
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

export const actorRoles = [
  'operator',
  'citizen',
  'agency_staff',
  'agency_system',
  'agency_editor',
  'agency_manager',
  'supervisor',
  /** The governor or a deputy: gives directives to agencies (ADR 37). */
  'official',
  'auditor',
  'admin',
  'system',
] as const;
export type ActorRole = (typeof actorRoles)[number];
