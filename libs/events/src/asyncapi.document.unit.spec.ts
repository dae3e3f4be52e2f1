import { Parser } from '@asyncapi/parser';
import { samadAsyncApiDocument } from './asyncapi.document';
import { integrationEventSchemas } from './integration-event.registry';
import { versionedEventName } from './event-types';

describe('the AsyncAPI document of the topics', () => {
  const document = samadAsyncApiDocument({ agencyCodes: ['ABFA', 'BARGH'] });

  it('is a valid AsyncAPI 3 document for the official parser (no error diagnostics)', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => [d.message, d.path.join('/')])).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
    expect(
      parsed
        ?.channels()
        .all()
        .map((c) => c.address()),
    ).toEqual([
      'samad.agency.{agencyCode}',
      'samad.request-events',
      'samad.dead-letter',
      'samad.telephony.answered-calls',
    ]);
    expect(
      parsed
        ?.securitySchemes()
        .all()
        .map((s) => s.type()),
    ).toEqual(['scramSha512']);
  });

  it('has every integration event schema as a message, on the topic that carries it, with its key', async () => {
    const { document: parsed } = await new Parser().parse(JSON.stringify(document));
    const names = (address: string): string[] =>
      parsed
        ?.channels()
        .all()
        .find((c) => c.address() === address)
        ?.messages()
        .all()
        .map((m) => m.name() ?? '') ?? [];
    const agency = integrationEventSchemas.filter((s) => s.eventType.startsWith('samad.agency.'));
    const request = integrationEventSchemas.filter((s) => s.eventType.startsWith('samad.request.'));
    expect(agency.length + request.length).toBe(integrationEventSchemas.length);
    expect(names('samad.agency.{agencyCode}').sort()).toEqual(
      agency.map((s) => versionedEventName(s.eventType, s.eventVersion)).sort(),
    );
    expect(names('samad.request-events').sort()).toEqual(
      request.map((s) => versionedEventName(s.eventType, s.eventVersion)).sort(),
    );
    const assigned = parsed
      ?.messages()
      .all()
      .find((m) => m.name() === 'samad.agency.request-assigned.v2');
    expect(assigned?.bindings().get('kafka')?.value()).toMatchObject({
      key: { pattern: '^request-[0-9]{10}$' },
    });
    expect(assigned?.payload()?.json()).toMatchObject({
      properties: {
        data: { additionalProperties: false, required: expect.arrayContaining(['citizenCount']) },
      },
    });
  });

  it('lists the agency codes, lower-case, as the values of the topic parameter', () => {
    const channels = document.channels as Record<
      string,
      { parameters?: { agencyCode: { enum?: string[] } } }
    >;
    expect(channels.agencyTopic.parameters?.agencyCode.enum).toEqual(['abfa', 'bargh']);
  });
});
