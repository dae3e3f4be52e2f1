import { agencyRequestAssignedV1ToV2, agencyRequestUpdatedV1ToV2 } from './agency-messages.v2.contract';
import { IntegrationEventTypes } from './event-types';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import {
  protectedTextFieldsV2,
  withholdClearPersonalData,
  type ProtectedEventTypeV2,
} from './request-events.v2.contract';

/**
 * Lifts one event type from `fromVersion` to `fromVersion + 1`. Chains run until no upcaster applies,
 * so a v1 message reaches v3 through the v1→v2 and v2→v3 upcasters.
 */
export interface Upcaster {
  readonly eventType: string;
  readonly fromVersion: number;
  /** Receives the old data (already schema-valid for fromVersion) and returns the next version's data. */
  readonly upcast: (data: never, envelope: IntegrationEventEnvelope) => unknown;
  /** One line for the changelog: what changed and why. */
  readonly description: string;
}

export interface UpcasterRegistry {
  /** Returns the envelope lifted to the newest version it has upcasters for; anything else unchanged. */
  readonly upcast: <T>(envelope: T) => T | IntegrationEventEnvelope;
}

const isEnvelopeLike = (value: unknown): value is IntegrationEventEnvelope =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as IntegrationEventEnvelope).eventType === 'string' &&
  Number.isInteger((value as IntegrationEventEnvelope).eventVersion) &&
  'data' in value;

export const createUpcasterRegistry = (upcasters: readonly Upcaster[]): UpcasterRegistry => {
  const byKey = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const key = `${upcaster.eventType}@${upcaster.fromVersion}`;
    // Two ways to lift the same version would make replay depend on registration order.
    if (byKey.has(key))
      throw new Error(`duplicate upcaster for ${upcaster.eventType} v${upcaster.fromVersion}`);
    byKey.set(key, upcaster);
  }
  const upcast = <T>(envelope: T): T | IntegrationEventEnvelope => {
    if (!isEnvelopeLike(envelope)) return envelope;
    let current: IntegrationEventEnvelope = envelope;
    for (
      let next = byKey.get(`${current.eventType}@${current.eventVersion}`);
      next !== undefined;
      next = byKey.get(`${current.eventType}@${current.eventVersion}`)
    ) {
      current = {
        ...current,
        eventVersion: next.fromVersion + 1,
        data: next.upcast(current.data as never, current),
      };
    }
    return current;
  };
  return { upcast };
};

/**
 * The production upcasters (issue #9, ADR 19). v1 messages carried personal data and free text in clear;
 * lifted to v2 they carry none of it: a clear value is withheld (reads as erased), never passed on. The
 * values themselves stay in the event store, sealed, for whoever may open them there.
 */
export const integrationEventUpcasters: readonly Upcaster[] = [
  ...Object.keys(protectedTextFieldsV2).map((eventType): Upcaster => ({
    eventType,
    fromVersion: 1,
    description: 'citizens and free text sealed; a v1 value in clear is withheld (reads as erased)',
    upcast: (data: object) => withholdClearPersonalData(eventType as ProtectedEventTypeV2, data),
  })),
  {
    eventType: IntegrationEventTypes.agencyRequestAssigned,
    fromVersion: 1,
    description: 'no contacts and no description on agency topics; citizenCount instead',
    upcast: agencyRequestAssignedV1ToV2,
  },
  {
    eventType: IntegrationEventTypes.agencyRequestUpdated,
    fromVersion: 1,
    description: 'a follow-up keeps its channel, not its note',
    upcast: agencyRequestUpdatedV1ToV2,
  },
];

export const { upcast } = createUpcasterRegistry(integrationEventUpcasters);
