import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { IntegrationEventEnvelope } from './integration-event.envelope';
import { envelopeSchema, integrationEventSchemas, type IntegrationEvent } from './integration-event.registry';

/** Why a message was rejected; the dead-letter topic carries the same code. */
export type IntegrationEventRejection =
  'invalid_json' | 'invalid_envelope' | 'unknown_event_type' | 'invalid_event_data';

export type IntegrationEventValidation =
  | { readonly ok: true; readonly event: IntegrationEvent }
  | { readonly ok: false; readonly code: IntegrationEventRejection; readonly reason: string };

interface CompiledSchemas {
  readonly envelope: ValidateFunction<IntegrationEventEnvelope>;
  readonly events: ReadonlyMap<string, ValidateFunction<IntegrationEvent>>;
}

const keyOf = (eventType: string, eventVersion: number): string => `${eventType}@${eventVersion}`;

let compiled: CompiledSchemas | undefined;

// Compiled once, on first use, so importing the contracts costs nothing for services that never validate.
const schemas = (): CompiledSchemas => {
  if (compiled) return compiled;
  // strictRequired off: `anyOf: [{ required: [...] }]` alternatives name properties declared one level up.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv, ['date-time']);
  compiled = {
    envelope: ajv.compile<IntegrationEventEnvelope>(envelopeSchema),
    events: new Map(
      integrationEventSchemas.map((s) => [
        keyOf(s.eventType, s.eventVersion),
        ajv.compile<IntegrationEvent>(s.schema),
      ]),
    ),
  };
  return compiled;
};

const explain = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');

/**
 * Checks a decoded message against the envelope schema and the schema of its exact type and version.
 * Older versions are not accepted here: run `upcast` first (decodeIntegrationEvent does both).
 */
export const validateIntegrationEvent = (envelope: unknown): IntegrationEventValidation => {
  const { envelope: validateEnvelope, events } = schemas();
  if (!validateEnvelope(envelope)) {
    return {
      ok: false,
      code: 'invalid_envelope',
      reason: `invalid envelope: ${explain(validateEnvelope.errors)}`,
    };
  }
  const { eventType, eventVersion } = envelope;
  const validateEvent = events.get(keyOf(eventType, eventVersion));
  if (!validateEvent) {
    return {
      ok: false,
      code: 'unknown_event_type',
      reason: `unknown event type ${eventType} v${eventVersion}`,
    };
  }
  if (!validateEvent(envelope)) {
    return {
      ok: false,
      code: 'invalid_event_data',
      reason: `invalid ${eventType} v${eventVersion}: ${explain(validateEvent.errors)}`,
    };
  }
  return { ok: true, event: envelope };
};
