import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import { agencyCode, nonEmptyText, objectOf, trackingCode, utcTimestamp } from './schema-fragments';

// Deadline facts (issue #10, ADR 22), version 1. No personal data and no free text: the supervisor's
// reason for a new due time stays in the event store (sealed like every text, ADR 19) and in the history.

export const escalationLevels = [1, 2] as const;
/** 1: the agency's manager; 2: the governor's inspection office. */
export type EscalationLevel = (typeof escalationLevels)[number];

export interface DueTimeSetV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly dueAt: string;
  readonly previousDueAt: string;
  /** The supervisor who set it. */
  readonly setBy: string;
  readonly at: string;
}

/** The deadline named by `dueAt` is near (DeadlineApproaching) or passed (DeadlineMissed). */
export interface DeadlineFactV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly dueAt: string;
  readonly at: string;
}

export interface RequestEscalatedV1 extends DeadlineFactV1 {
  readonly level: EscalationLevel;
}

type V1<Type extends string, Data> = IntegrationEventEnvelope<Type, 1, Data>;
export type DueTimeSetEventV1 = V1<typeof IntegrationEventTypes.requestDueTimeSet, DueTimeSetV1>;
export type DeadlineApproachingEventV1 = V1<
  typeof IntegrationEventTypes.requestDeadlineApproaching,
  DeadlineFactV1
>;
export type DeadlineMissedEventV1 = V1<typeof IntegrationEventTypes.requestDeadlineMissed, DeadlineFactV1>;
export type RequestEscalatedEventV1 = V1<typeof IntegrationEventTypes.requestEscalated, RequestEscalatedV1>;

export type RequestDeadlineIntegrationEventV1 =
  DueTimeSetEventV1 | DeadlineApproachingEventV1 | DeadlineMissedEventV1 | RequestEscalatedEventV1;

const deadlineFact = { trackingCode, agencyCode, dueAt: utcTimestamp, at: utcTimestamp };

export const requestDeadlineEventDataSchemasV1: Record<
  RequestDeadlineIntegrationEventV1['eventType'],
  SchemaObject
> = {
  [IntegrationEventTypes.requestDueTimeSet]: objectOf({
    ...deadlineFact,
    previousDueAt: utcTimestamp,
    setBy: nonEmptyText,
  }),
  [IntegrationEventTypes.requestDeadlineApproaching]: objectOf(deadlineFact),
  [IntegrationEventTypes.requestDeadlineMissed]: objectOf(deadlineFact),
  [IntegrationEventTypes.requestEscalated]: objectOf({
    ...deadlineFact,
    level: { type: 'integer', enum: [...escalationLevels] },
  }),
};
