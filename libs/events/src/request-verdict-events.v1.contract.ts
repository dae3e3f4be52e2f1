import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import { agencyCode, enumOf, objectOf, trackingCode, utcTimestamp } from './schema-fragments';

// The citizen's verdict on an answer (issue #10 item 7, ADR 25), version 1. No free text: the rating's
// comment and the objection's reason stay in the event store (sealed, ADR 19) and the history.

export const verdictChannels = ['operator', 'citizen'] as const;
/** An operator on the phone, or the citizen on the public lookup. */
export type VerdictChannel = (typeof verdictChannels)[number];

export interface AnswerRatedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  /** The answer rated (a request reopened and answered again has several). */
  readonly answeredAt: string;
  /** 1 (worst) to 5 (best). */
  readonly rating: number;
  readonly givenBy: VerdictChannel;
  readonly at: string;
}

/** The request is reopened to the same agency, due at `dueAt`; `objection` counts the citizen's objections. */
export interface AnswerObjectedV1 {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly answeredAt: string;
  readonly objection: number;
  readonly dueAt: string;
  readonly givenBy: VerdictChannel;
  readonly at: string;
}

type V1<Type extends string, Data> = IntegrationEventEnvelope<Type, 1, Data>;
export type AnswerRatedEventV1 = V1<typeof IntegrationEventTypes.requestAnswerRated, AnswerRatedV1>;
export type AnswerObjectedEventV1 = V1<typeof IntegrationEventTypes.requestAnswerObjected, AnswerObjectedV1>;

export type RequestVerdictIntegrationEventV1 = AnswerRatedEventV1 | AnswerObjectedEventV1;

const verdictFact = {
  trackingCode,
  agencyCode,
  answeredAt: utcTimestamp,
  givenBy: enumOf(verdictChannels),
  at: utcTimestamp,
};

export const requestVerdictEventDataSchemasV1: Record<
  RequestVerdictIntegrationEventV1['eventType'],
  SchemaObject
> = {
  [IntegrationEventTypes.requestAnswerRated]: objectOf({
    ...verdictFact,
    rating: { type: 'integer', minimum: 1, maximum: 5 },
  }),
  [IntegrationEventTypes.requestAnswerObjected]: objectOf({
    ...verdictFact,
    objection: { type: 'integer', minimum: 1 },
    dueAt: utcTimestamp,
  }),
};
