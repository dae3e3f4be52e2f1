import Ajv2020, { type SchemaObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { iranianMobile, jsonSchemaDialect, objectOf, utcTimestamp } from './schema-fragments';

/**
 * A call the PBX reports answered, on Topics.answeredCalls (ADR 0045): intake's webhook publishes it and
 * every intake process reads it, delivering it to the operator's open screens it holds. It carries the
 * caller's mobile, so the topic is intake's alone and keeps messages for minutes, not days.
 */
export interface AnsweredCallMessage {
  /** The PBX's own id of the call (Asterisk's UNIQUEID) when it sent one, a UUID otherwise. */
  readonly callId: string;
  /** The operator who answered: the user holding the extension. */
  readonly username: string;
  readonly extension: string;
  /** The caller's number, normalised to 09xxxxxxxxx. */
  readonly mobile: string;
  readonly answeredAt: string;
}

/** Calls are worth nothing to a screen after a few minutes; the active segment rolls as often. */
export const ANSWERED_CALLS_RETENTION_MS = 600000;

export const answeredCallMessageSchema: SchemaObject = {
  $schema: jsonSchemaDialect,
  $id: 'urn:samad:schema:telephony.answered-call.v1',
  title: 'samad answered call',
  ...objectOf({
    callId: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
    username: { type: 'string', pattern: '^[a-z0-9._@-]{1,64}$' },
    extension: { type: 'string', pattern: '^[0-9]{2,8}$' },
    mobile: iranianMobile,
    answeredAt: utcTimestamp,
  }),
};

let validate: ValidateFunction | undefined;

/** The message, if `value` is one; anything else (a stray write, a later version) is skipped by readers. */
export const decodeAnsweredCall = (value: Buffer | string | null): AnsweredCallMessage | undefined => {
  if (value === null) return undefined;
  if (!validate) {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv, ['date-time']);
    validate = ajv.compile(answeredCallMessageSchema);
  }
  try {
    const message = JSON.parse(value.toString()) as unknown;
    return validate(message) ? (message as AnsweredCallMessage) : undefined;
  } catch {
    return undefined;
  }
};
