import type { RecordedEvent } from '@samad/event-store';
import { toHistoryEntry, toVerificationView } from './request-history.view';

const recorded = (overrides: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: '0b7a3c2e-6a43-4b8e-9d5c-1f2e3d4c5b6a',
  type: 'RequestAnswered',
  data: {
    trackingCode: '1000000170',
    agencyCode: 'ABFA',
    outcome: 'positive',
    text: 'آب وصل شد.',
    answeredAt: '2025-03-21T11:30:00.000Z',
  },
  metadata: {
    actor: { id: 'abfa-staff-3', role: 'agency_staff' },
    correlationId: 'corr-12345678',
    causationId: 'cause-1234',
    occurredAt: '2025-03-21T11:30:00.000Z',
  },
  streamId: 'request-1000000170',
  streamRevision: 3n,
  position: { commit: 9007199254740993n, prepare: 9007199254740993n },
  recordedAt: new Date('2025-03-21T11:30:00.250Z'),
  hash: 'ab'.repeat(32),
  ...overrides,
});

describe('toHistoryEntry', () => {
  it('shows revision, times (ISO and Jalali), actor, correlation, position as exact strings and hash', () => {
    expect(toHistoryEntry(recorded())).toEqual({
      eventId: '0b7a3c2e-6a43-4b8e-9d5c-1f2e3d4c5b6a',
      revision: 3,
      type: 'RequestAnswered',
      recordedAt: '2025-03-21T11:30:00.250Z',
      recordedAtJalali: expect.stringContaining('۱ فروردین ۱۴۰۴'),
      occurredAt: '2025-03-21T11:30:00.000Z',
      occurredAtJalali: expect.stringContaining('۱ فروردین ۱۴۰۴'),
      actor: { id: 'abfa-staff-3', role: 'agency_staff' },
      correlationId: 'corr-12345678',
      causationId: 'cause-1234',
      position: { commit: '9007199254740993', prepare: '9007199254740993' },
      hash: 'ab'.repeat(32),
      data: recorded().data,
    });
  });

  it('takes the time from the metadata for an event type it does not know, and nulls what is missing', () => {
    const entry = toHistoryEntry(
      recorded({ type: 'SomethingNewer', data: {}, metadata: { occurredAt: '2025-03-22T08:00:00.000Z' } }),
    );
    expect(entry).toMatchObject({
      occurredAt: '2025-03-22T08:00:00.000Z',
      actor: null,
      correlationId: null,
      causationId: null,
    });
    expect(toHistoryEntry(recorded({ type: 'SomethingNewer', data: {}, metadata: {} }))).toMatchObject({
      occurredAt: null,
      occurredAtJalali: null,
    });
  });
});

describe('toVerificationView', () => {
  it('passes an intact chain through', () => {
    expect(toVerificationView({ ok: true, eventsChecked: 4 })).toEqual({ ok: true, eventsChecked: 4 });
  });

  it('shows the first broken link with its revision and position as strings', () => {
    expect(
      toVerificationView({
        ok: false,
        eventsChecked: 2,
        brokenLink: {
          streamId: 'request-1000000170',
          revision: 1n,
          position: { commit: 12n, prepare: 12n },
          expectedHash: 'aa',
          actualHash: 'bb',
          reason: 'hash_mismatch',
        },
      }),
    ).toEqual({
      ok: false,
      eventsChecked: 2,
      brokenLink: {
        streamId: 'request-1000000170',
        revision: '1',
        position: { commit: '12', prepare: '12' },
        expectedHash: 'aa',
        actualHash: 'bb',
        reason: 'hash_mismatch',
      },
    });
  });
});
