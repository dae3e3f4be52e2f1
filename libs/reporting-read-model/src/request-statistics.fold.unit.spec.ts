import type { IntegrationEvent } from '@samad/events';
import { evolveRequestStatistics, foldRequestStatistics } from './request-statistics.fold';
import type { RequestStatisticsRow } from './request-statistics.row';

const CODE = '1234567890';
let revision = 0;
const event = (eventType: string, data: object, at = '2026-12-01T08:00:00.000Z'): IntegrationEvent =>
  ({
    eventId: `e-${revision}`,
    eventType,
    eventVersion: 1,
    streamId: `request-${CODE}`,
    streamRevision: revision++,
    position: String(revision),
    occurredAt: at,
    recordedAt: at,
    data: { trackingCode: CODE, ...data },
  }) as unknown as IntegrationEvent;

const registered = () =>
  event('samad.request.registered', {
    kind: 'complaint',
    channel: 'phone',
    collective: false,
    countyCode: 'BND',
    categoryCode: 'WAT-CUT',
    registeredAt: '2026-12-01T08:00:00.000Z',
  });

const fold = (...events: IntegrationEvent[]): RequestStatisticsRow | undefined => {
  const rows = new Map<string, RequestStatisticsRow>();
  for (const e of events) foldRequestStatistics(rows, e);
  return rows.get(CODE);
};

beforeEach(() => (revision = 0));

describe('the reporting projection rule', () => {
  it('inserts a registered request with codes and times only', () => {
    const step = evolveRequestStatistics(undefined, registered());
    expect(step).toMatchObject({
      kind: 'insert',
      row: {
        tracking_code: CODE,
        status: 'registered',
        county_code: 'BND',
        stream_revision: 0,
        agency_code: null,
      },
    });
  });

  it('follows a request through routing, acknowledgement, answer and close', () => {
    const row = fold(
      registered(),
      event('samad.request.routed-to-agency', {
        agencyCode: 'ABFA',
        dueAt: '2026-12-03T08:00:00.000Z',
        at: '2026-12-01T08:01:00.000Z',
      }),
      event('samad.request.acknowledged', { at: '2026-12-01T09:00:00.000Z' }),
      event('samad.request.answered', {
        agencyCode: 'ABFA',
        outcome: 'positive',
        answeredAt: '2026-12-02T09:00:00.000Z',
      }),
      event(
        'samad.request.closed',
        { at: '2026-12-05T09:00:00.000Z', reason: 'verdict_window_elapsed' },
        '2026-12-05T09:00:00.000Z',
      ),
    );
    expect(row).toMatchObject({
      status: 'closed',
      agency_code: 'ABFA',
      acknowledged_at: '2026-12-01T09:00:00.000Z',
      answered_at: '2026-12-02T09:00:00.000Z',
      outcome: 'positive',
      close_reason: 'verdict_window_elapsed',
      stream_revision: 4,
      updated_at: '2026-12-05T09:00:00.000Z',
    });
  });

  it('counts returns and follow-ups, clears the routing on a return, keeps the first acknowledgement on a referral', () => {
    const row = fold(
      registered(),
      event('samad.request.routed-to-agency', {
        agencyCode: 'ABFA',
        dueAt: '2026-12-03T08:00:00.000Z',
        at: '2026-12-01T08:01:00.000Z',
      }),
      event('samad.request.returned-as-not-responsible', {}),
      event('samad.request.routed-to-agency', {
        agencyCode: 'BARGH',
        dueAt: '2026-12-04T08:00:00.000Z',
        at: '2026-12-02T08:00:00.000Z',
      }),
      event('samad.request.acknowledged', { at: '2026-12-02T09:00:00.000Z' }),
      event('samad.request.referred-inside-agency', { at: '2026-12-02T10:00:00.000Z' }),
      event('samad.request.follow-up-recorded', {}),
    );
    expect(row).toMatchObject({
      status: 'referred',
      agency_code: 'BARGH',
      returned_count: 1,
      follow_up_count: 1,
      acknowledged_at: '2026-12-02T09:00:00.000Z',
    });
  });

  it('keeps the highest escalation level reached', () => {
    const row = fold(
      registered(),
      event('samad.request.escalated', { level: 2, at: '2026-12-03T08:00:00.000Z' }),
      event('samad.request.escalated', { level: 1, at: '2026-12-04T08:00:00.000Z' }),
    );
    expect(row).toMatchObject({ escalation_level: 2, escalated_at: '2026-12-04T08:00:00.000Z' });
  });

  it('passes over an older fact and a second registration, and names a request it never saw registered', () => {
    const row = fold(registered(), event('samad.request.acknowledged', { at: '2026-12-01T09:00:00.000Z' }));
    const stale = {
      ...event('samad.request.closed', { at: 'x', reason: 'y' }),
      streamRevision: 1,
    } as IntegrationEvent;
    expect(evolveRequestStatistics(row, stale)).toEqual({ kind: 'unchanged' });
    expect(evolveRequestStatistics(row, registered())).toEqual({ kind: 'unchanged' });
    expect(evolveRequestStatistics(undefined, event('samad.request.acknowledged', { at: 'x' }))).toEqual({
      kind: 'unknown_request',
      trackingCode: CODE,
    });
    expect(fold(event('samad.request.acknowledged', { at: 'x' }))).toBeUndefined();
  });
});
