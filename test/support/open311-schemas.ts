// JSON Schemas of Open311 GeoReport v2's JSON answers, written from the spec (wiki.open311.org/GeoReport_v2)
// and FixMyStreet's servicerequestupdates; ids are strings, datetimes W3C with a zone, nothing else extra.
import Ajv2020, { type SchemaObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const text = { type: 'string' };
const zonedDateTime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
};
const object = (properties: Record<string, object>, required: string[]): SchemaObject => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const listOf = (item: SchemaObject): SchemaObject => ({ type: 'array', items: item });

export const open311Schemas: Record<string, SchemaObject> = {
  discovery: object(
    {
      changeset: zonedDateTime,
      contact: text,
      key_service: text,
      endpoints: listOf(
        object(
          {
            specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
            url: { type: 'string', format: 'uri' },
            changeset: zonedDateTime,
            type: { enum: ['production', 'test'] },
            formats: { type: 'array', items: { enum: ['application/json', 'text/xml'] }, minItems: 2 },
          },
          ['specification', 'url', 'changeset', 'type', 'formats'],
        ),
      ),
    },
    ['changeset', 'contact', 'key_service', 'endpoints'],
  ),
  services: listOf(
    object(
      {
        service_code: text,
        service_name: text,
        description: text,
        metadata: { type: 'boolean' },
        type: { enum: ['realtime', 'batch', 'blackbox'] },
        keywords: text,
        group: text,
      },
      ['service_code', 'service_name', 'metadata', 'type'],
    ),
  ),
  serviceDefinition: object(
    {
      service_code: text,
      attributes: listOf(
        object(
          {
            variable: { type: 'boolean' },
            code: text,
            datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
            required: { type: 'boolean' },
            datatype_description: text,
            order: { type: 'integer', minimum: 1 },
            description: text,
            values: listOf(object({ key: text, name: text }, ['key', 'name'])),
          },
          ['variable', 'code', 'datatype', 'required', 'order', 'description'],
        ),
      ),
    },
    ['service_code', 'attributes'],
  ),
  created: listOf(
    object({ service_request_id: text, token: text, service_notice: text, account_id: text }, [
      'service_request_id',
    ]),
  ),
  tokens: listOf(object({ service_request_id: text, token: text }, ['token'])),
  requests: listOf(
    object(
      {
        service_request_id: text,
        status: { enum: ['open', 'closed'] },
        status_notes: text,
        service_name: text,
        service_code: text,
        description: text,
        agency_responsible: text,
        service_notice: text,
        requested_datetime: zonedDateTime,
        updated_datetime: zonedDateTime,
        expected_datetime: zonedDateTime,
        address: text,
        address_id: text,
        zipcode: text,
        lat: { type: 'number' },
        long: { type: 'number' },
        media_url: text,
      },
      ['service_request_id', 'status', 'service_code', 'requested_datetime'],
    ),
  ),
  updates: listOf(
    object(
      {
        update_id: text,
        service_request_id: text,
        status: {
          enum: [
            'OPEN',
            'INVESTIGATING',
            'IN_PROGRESS',
            'ACTION_SCHEDULED',
            'FIXED',
            'NOT_COUNCILS_RESPONSIBILITY',
            'DUPLICATE',
            'INTERNAL_REFERRAL',
            'NO_FURTHER_ACTION',
            'CLOSED',
            'REOPEN',
          ],
        },
        updated_datetime: zonedDateTime,
        description: text,
        media_url: text,
      },
      ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description'],
    ),
  ),
  updateCreated: listOf(object({ update_id: text }, ['update_id'])),
  errors: {
    ...listOf(object({ code: { type: 'integer' }, description: text }, ['code', 'description'])),
    minItems: 1,
  },
};

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

/** The schema's errors for this answer (empty when it conforms). */
export function open311SchemaErrors(schema: keyof typeof open311Schemas, body: unknown): string[] {
  const validate =
    ajv.getSchema(schema) ?? (ajv.addSchema(open311Schemas[schema], schema), ajv.getSchema(schema)!);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
