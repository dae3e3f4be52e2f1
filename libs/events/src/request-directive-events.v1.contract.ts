import type { SchemaObject } from 'ajv/dist/2020';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { IntegrationEventTypes } from './event-types';
import { agencyCode, nonEmptyText, objectOf, trackingCode, utcTimestamp } from './schema-fragments';

// Officials' directives (ADR 37), version 1. No free text: the instruction and the report stay in the event
// store (sealed, ADR 19), the request's history and the agency's details endpoint, never on a topic.

/** Who gave the directive: a supervisor of the centre or an official (the governor, a deputy). */
export const directiveIssuerRoles = ['supervisor', 'official'] as const;
export type DirectiveIssuerRoleV1 = (typeof directiveIssuerRoles)[number];

export interface DirectiveIssuedV1 {
  readonly trackingCode: string;
  readonly directiveId: string;
  /** The agency the directive binds: it must report on it by `dueAt`. */
  readonly agencyCode: string;
  readonly dueAt: string;
  readonly issuedBy: string;
  readonly role: DirectiveIssuerRoleV1;
  readonly at: string;
}

export interface DirectiveReportedV1 {
  readonly trackingCode: string;
  readonly directiveId: string;
  readonly agencyCode: string;
  readonly reportedBy: string;
  /** Reported after its due time. */
  readonly late: boolean;
  readonly at: string;
}

/** Past its due time without a report: escalated to the agency's manager, like a missed deadline. */
export interface DirectiveOverdueV1 {
  readonly trackingCode: string;
  readonly directiveId: string;
  readonly agencyCode: string;
  readonly dueAt: string;
  readonly at: string;
}

type V1<Type extends string, Data> = IntegrationEventEnvelope<Type, 1, Data>;
const T = IntegrationEventTypes;
export type DirectiveIssuedEventV1 = V1<typeof T.requestDirectiveIssued, DirectiveIssuedV1>;
export type DirectiveReportedEventV1 = V1<typeof T.requestDirectiveReported, DirectiveReportedV1>;
export type DirectiveOverdueEventV1 = V1<typeof T.requestDirectiveOverdue, DirectiveOverdueV1>;

export type RequestDirectiveIntegrationEventV1 =
  DirectiveIssuedEventV1 | DirectiveReportedEventV1 | DirectiveOverdueEventV1;

const about = { trackingCode, directiveId: nonEmptyText, agencyCode, at: utcTimestamp };

export const requestDirectiveEventDataSchemasV1: Record<
  RequestDirectiveIntegrationEventV1['eventType'],
  SchemaObject
> = {
  [T.requestDirectiveIssued]: objectOf({
    ...about,
    dueAt: utcTimestamp,
    issuedBy: nonEmptyText,
    role: { type: 'string', enum: [...directiveIssuerRoles] },
  }),
  [T.requestDirectiveReported]: objectOf({ ...about, reportedBy: nonEmptyText, late: { type: 'boolean' } }),
  [T.requestDirectiveOverdue]: objectOf({ ...about, dueAt: utcTimestamp }),
};
