import { ForeignEventError, requestEventOf, requestEventsOf } from './request-events.loader';
import { recorded, registered, trackingCode } from './test-support/recorded-events.fixture';

describe('requestEventsOf', () => {
  it('reads recorded request events as request events, keeping what the store knows', () => {
    const [event] = requestEventsOf([recorded(registered.type, registered.data)]);
    expect(event.type).toBe('RequestRegistered');
    expect(event.data).toEqual(registered.data);
    expect(event.streamRevision).toBe(0n);
  });

  it('refuses a foreign event, naming the stream, revision and type', () => {
    const stream = [recorded(registered.type, registered.data), recorded('InvoicePaid', {}, 1n)];
    expect(() => requestEventsOf(stream)).toThrow(ForeignEventError);
    expect(() => requestEventsOf(stream)).toThrow(
      `request-${trackingCode}@1 (event 00000000-0000-4000-8000-000000000001) is a "InvoicePaid"`,
    );
    expect(() => requestEventOf(recorded('InvoicePaid', {}))).toThrow(ForeignEventError);
  });
});
