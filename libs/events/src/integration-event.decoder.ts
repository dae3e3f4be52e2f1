import { upcast as defaultUpcast, type UpcasterRegistry } from './integration-event.upcaster';
import { validateIntegrationEvent, type IntegrationEventValidation } from './integration-event.validator';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The consumer's one call: Kafka message value → parsed, upcast, validated event, or a reason to park it
 * on the dead-letter topic.
 */
export const decodeIntegrationEvent = (
  value: string | Uint8Array | null | undefined,
  upcast: UpcasterRegistry['upcast'] = defaultUpcast,
): IntegrationEventValidation => {
  if (value === null || value === undefined)
    return { ok: false, code: 'invalid_json', reason: 'empty message' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : utf8.decode(value));
  } catch (error) {
    // Not the parser's message: it quotes the text around the fault, which may be someone's data.
    const where = /position (\d+)/.exec((error as Error).message)?.[1];
    return { ok: false, code: 'invalid_json', reason: `invalid JSON${where ? ` at position ${where}` : ''}` };
  }
  return validateIntegrationEvent(upcast(parsed));
};

/** Producers' counterpart: what the relay writes as the Kafka message value. */
export const encodeIntegrationEvent = (envelope: object): string => JSON.stringify(envelope);
