import type { SchemaObject } from 'ajv/dist/2020';

/** Reusable JSON Schema (draft 2020-12) pieces; every schema is self-contained so agencies can use it alone. */
export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

// Timestamps are UTC ISO-8601 ('Z'); Jalali and Asia/Tehran are a display concern only.
export const utcTimestamp: SchemaObject = { type: 'string', format: 'date-time', pattern: 'Z$' };
export const nonEmptyText: SchemaObject = { type: 'string', minLength: 1, pattern: '\\S' };
export const optionalText: SchemaObject = { type: 'string' };
export const trackingCode: SchemaObject = { type: 'string', pattern: '^[0-9]{10}$' };
export const nationalCode: SchemaObject = { type: 'string', pattern: '^[0-9]{10}$' };
export const iranianMobile: SchemaObject = { type: 'string', pattern: '^09[0-9]{9}$' };
// Agency codes end up in Kafka topic names (samad.agency.<code>), so they use topic-safe characters.
export const agencyCode: SchemaObject = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' };
export const code: SchemaObject = { type: 'string', minLength: 1, maxLength: 64 };
export const identifier: SchemaObject = { type: 'string', minLength: 1, maxLength: 200 };

export const enumOf = (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] });

/** An object schema whose listed properties are all required unless named in `optional`. */
export const objectOf = (
  properties: Record<string, SchemaObject>,
  optional: readonly string[] = [],
  extra: SchemaObject = {},
): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
  ...extra,
});
