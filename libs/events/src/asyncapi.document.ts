import type { SchemaObject } from 'ajv/dist/2020';
import { answeredCallMessageSchema } from './answered-call.message';
import { deadLetterMessageSchema } from './dead-letter.message';
import { requestLifecycleEventTypes, versionedEventName } from './event-types';
import { currentEventVersion, integrationEventSchemas } from './integration-event.registry';
import { Topics } from './topics';

// The agency onboarding kit's contract (issue #15 item 7, ADR 34): every Samad topic, its key and every
// message with its JSON Schema, as one AsyncAPI 3 document generated from the contracts in this library,
// so it cannot drift from what producers validate against.

export interface AsyncApiOptions {
  /** The Kafka bootstrap address an agency connects to (the cluster's external TLS listener). */
  readonly kafkaHost?: string;
  /** Agency codes to list for the agency topic's parameter (lower-case in the topic name). */
  readonly agencyCodes?: readonly string[];
  readonly version?: string;
}

const messageKey: SchemaObject = {
  type: 'string',
  pattern: '^request-[0-9]{10}$',
  description: 'request-<trackingCode>: every message about one request is on one partition, in order',
};

const kafkaBinding = { key: messageKey, bindingVersion: '0.5.0' };

// AsyncAPI's default schema format is a superset of JSON Schema draft 07; the contracts use nothing of 2020-12
// beyond it, so only the dialect marker goes (ids stay: they name the schemas integrators validate with).
const asAsyncApiSchema = ({ $schema: _dialect, ...schema }: SchemaObject): SchemaObject => schema;

const messageName = (eventType: string, eventVersion: number): string =>
  versionedEventName(eventType, eventVersion)
    .replace(/^samad\./, '')
    .replace(/[^A-Za-z0-9]+/g, '_');

const isAgencyMessage = (eventType: string): boolean => eventType.startsWith('samad.agency.');

const messages = Object.fromEntries(
  integrationEventSchemas.map(({ eventType, eventVersion, schema }) => [
    messageName(eventType, eventVersion),
    {
      name: versionedEventName(eventType, eventVersion),
      title: `${eventType} v${eventVersion}`,
      summary:
        eventVersion === currentEventVersion(eventType)
          ? 'Current version: what producers emit now.'
          : 'Older version: may still be read while retention keeps it; upcast it to the current one.',
      contentType: 'application/json',
      payload: asAsyncApiSchema(schema),
      bindings: { kafka: kafkaBinding },
    },
  ]),
);

const refsTo = (filter: (eventType: string) => boolean): Record<string, { $ref: string }> =>
  Object.fromEntries(
    integrationEventSchemas
      .filter((s) => filter(s.eventType))
      .map((s) => messageName(s.eventType, s.eventVersion))
      .map((name) => [name, { $ref: `#/components/messages/${name}` }]),
  );

/** The AsyncAPI 3.0 document of Samad's Kafka topics, for agencies' developers. */
export function samadAsyncApiDocument(options: AsyncApiOptions = {}): Record<string, unknown> {
  const agencyCodes = options.agencyCodes?.map((c) => c.toLowerCase());
  const requestTypes = new Set<string>(requestLifecycleEventTypes);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Samad integration events',
      version: options.version ?? '1.0.0',
      description:
        "Kafka topics of Samad, the province's 111 request system. An agency's system reads only its own " +
        'topic (samad.agency.<code>) as its KafkaUser agency-<code>, with consumer groups prefixed agency-<code>-, ' +
        'and acts through the agency HTTP API (docs/agency-integration.md). Agency messages carry no personal data; ' +
        'deduplicate on eventId, read with isolation level read_committed.',
    },
    defaultContentType: 'application/json',
    servers: {
      production: {
        host: options.kafkaHost ?? 'kafka.samad.example:9094',
        protocol: 'kafka-secure',
        description:
          'External listener: TLS, SASL SCRAM-SHA-512 with the agency user the province hands over',
        security: [{ $ref: '#/components/securitySchemes/agencyScram' }],
      },
    },
    channels: {
      agencyTopic: {
        address: `${Topics.agency('')}{agencyCode}`,
        title: "An agency's own topic",
        description:
          'What happened to which request of this agency; the details come from the agency API, which records each read.',
        parameters: {
          agencyCode: {
            description: "The agency's code, lower-case",
            ...(agencyCodes && agencyCodes.length > 0 && { enum: agencyCodes }),
          },
        },
        messages: refsTo(isAgencyMessage),
      },
      requestEvents: {
        address: Topics.requestEvents,
        title: 'Request lifecycle events (Samad services only)',
        description:
          'Internal: agency users are refused this topic. Listed so the whole contract is in one place.',
        messages: refsTo((type) => requestTypes.has(type)),
      },
      deadLetter: {
        address: Topics.deadLetter,
        title: 'Dead letters (Samad services only)',
        messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      },
      answeredCalls: {
        address: Topics.answeredCalls,
        title: 'Answered calls (intake only)',
        description:
          "Internal: the PBX's answered calls on their way to the operator's screen (ADR 0045). Carries the " +
          "caller's mobile, so only intake may read it and it is kept for minutes.",
        messages: { answeredCall: { $ref: '#/components/messages/answeredCall' } },
      },
    },
    operations: {
      receiveAgencyMessages: {
        action: 'receive',
        channel: { $ref: '#/channels/agencyTopic' },
        summary: "The agency's system consumes its topic",
        security: [{ $ref: '#/components/securitySchemes/agencyScram' }],
        bindings: {
          kafka: { groupId: { type: 'string', pattern: '^agency-[a-z0-9_-]+-' }, bindingVersion: '0.5.0' },
        },
      },
      receiveRequestEvents: {
        action: 'receive',
        channel: { $ref: '#/channels/requestEvents' },
        summary: "Samad's services consume the request lifecycle",
      },
      receiveDeadLetters: {
        action: 'receive',
        channel: { $ref: '#/channels/deadLetter' },
        summary: 'Operators inspect and replay messages no consumer could handle',
      },
      receiveAnsweredCalls: {
        action: 'receive',
        channel: { $ref: '#/channels/answeredCalls' },
        summary:
          "Every intake process, in a group of its own, hands each call to the operator's open screens",
      },
    },
    components: {
      messages: {
        ...messages,
        deadLetter: {
          name: 'samad.dead-letter',
          title: 'Dead letter',
          contentType: 'application/json',
          payload: asAsyncApiSchema(deadLetterMessageSchema),
        },
        answeredCall: {
          name: 'samad.telephony.answered-call.v1',
          title: 'Answered call',
          contentType: 'application/json',
          payload: asAsyncApiSchema(answeredCallMessageSchema),
          bindings: {
            kafka: {
              key: { type: 'string', description: "the operator's extension" },
              bindingVersion: '0.5.0',
            },
          },
        },
      },
      securitySchemes: {
        agencyScram: {
          type: 'scramSha512',
          description:
            'The KafkaUser agency-<code> (Strimzi); its password is in the Secret of the same name',
        },
      },
    },
  };
}
