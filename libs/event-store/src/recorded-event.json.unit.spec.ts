import fc from 'fast-check';
import type { RecordedEvent } from './event-store.port';
import { recordedEventFromJson, recordedEventToJson } from './recorded-event.json';

const recordedEvent: fc.Arbitrary<RecordedEvent> = fc.record({
  id: fc.uuid(),
  type: fc.string({ minLength: 1 }),
  // Only values JSON can hold (-0 comes back as 0).
  data: fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown),
  metadata: fc.record({ correlationId: fc.string() }),
  streamId: fc.string({ minLength: 1 }),
  streamRevision: fc.bigInt({ min: 0n, max: 2n ** 62n }),
  position: fc.record({
    commit: fc.bigInt({ min: 0n, max: 2n ** 62n }),
    prepare: fc.bigInt({ min: 0n, max: 2n ** 62n }),
  }),
  recordedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  hash: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
});

describe('recorded event wire form', () => {
  it('survives JSON text unchanged (bigints as strings, dates as ISO-8601)', () => {
    fc.assert(
      fc.property(recordedEvent, (event) => {
        const wire = JSON.parse(JSON.stringify(recordedEventToJson(event)));
        expect(recordedEventFromJson(wire)).toEqual(event);
      }),
    );
  });

  it('writes bigints as decimal strings', () => {
    const json = recordedEventToJson({
      id: '00000000-0000-4000-8000-000000000001',
      type: 'RequestRegistered',
      data: {},
      metadata: {},
      streamId: 'request-1110000017',
      streamRevision: 3n,
      position: { commit: 900n, prepare: 12n },
      recordedAt: new Date('2025-01-01T00:00:00Z'),
      hash: '',
    });
    expect(json).toMatchObject({
      streamRevision: '3',
      position: { commit: '900', prepare: '12' },
      recordedAt: '2025-01-01T00:00:00.000Z',
    });
  });
});
