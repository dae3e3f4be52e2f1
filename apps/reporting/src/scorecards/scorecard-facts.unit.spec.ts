import type { IntegrationEvent } from '@samad/events';
import { scorecardFactOf } from './scorecard-facts';

const event = (eventType: string, data: Record<string, unknown>) =>
  ({ eventType, eventVersion: 1, data }) as unknown as IntegrationEvent;
const base = { trackingCode: '1000000001', agencyCode: 'ABFA' };

describe('scorecard facts of integration events', () => {
  it('maps a routing to "received" with its due time, at the routing time', () => {
    expect(
      scorecardFactOf(
        event('samad.request.routed-to-agency', {
          ...base,
          dueAt: '2026-12-05T06:30:00.000Z',
          at: '2026-12-01T06:30:00.000Z',
          routedBy: 'rules',
        }),
      ),
    ).toEqual({
      kind: 'received',
      ...base,
      at: new Date('2026-12-01T06:30:00.000Z'),
      dueAt: new Date('2026-12-05T06:30:00.000Z'),
    });
  });

  it('maps an answer at its answer time, a missed deadline, and an escalation with its level', () => {
    expect(
      scorecardFactOf(event('samad.request.answered', { ...base, answeredAt: '2026-12-02T08:00:00.000Z' })),
    ).toEqual({ kind: 'answered', ...base, at: new Date('2026-12-02T08:00:00.000Z') });
    const inPerson = { ...base, answeredAt: '2026-12-02T08:00:00.000Z', inPerson: true, answeredBy: 'm1' };
    expect(scorecardFactOf(event('samad.request.answered', inPerson))).toEqual({
      kind: 'answered',
      ...base,
      at: new Date('2026-12-02T08:00:00.000Z'),
      value: 1,
    });
    const deadline = { ...base, dueAt: '2026-12-05T06:30:00.000Z', at: '2026-12-05T06:31:00.000Z' };
    expect(scorecardFactOf(event('samad.request.deadline-missed', deadline))).toMatchObject({
      kind: 'deadline_missed',
    });
    expect(scorecardFactOf(event('samad.request.escalated', { ...deadline, level: 2 }))).toMatchObject({
      kind: 'escalated',
      value: 2,
    });
  });

  it("maps the citizen's rating with its value and an objection as a reopen with its new due time", () => {
    const verdict = { ...base, answeredAt: '2026-12-02T08:00:00.000Z', givenBy: 'citizen' };
    expect(
      scorecardFactOf(
        event('samad.request.answer-rated', { ...verdict, rating: 4, at: '2026-12-03T09:00:00.000Z' }),
      ),
    ).toEqual({ kind: 'rated', ...base, at: new Date('2026-12-03T09:00:00.000Z'), value: 4 });
    expect(
      scorecardFactOf(
        event('samad.request.answer-objected', {
          ...verdict,
          objection: 1,
          dueAt: '2026-12-08T06:30:00.000Z',
          at: '2026-12-03T09:00:00.000Z',
        }),
      ),
    ).toEqual({
      kind: 'reopened',
      ...base,
      at: new Date('2026-12-03T09:00:00.000Z'),
      dueAt: new Date('2026-12-08T06:30:00.000Z'),
    });
  });

  it('maps an extension asked for and one granted (with the new due time)', () => {
    const extension = { ...base, extensionId: 'ext-1', at: '2026-12-03T09:00:00.000Z' };
    expect(
      scorecardFactOf(
        event('samad.request.extension-requested', {
          ...extension,
          proposedDueAt: '2026-12-10T06:30:00.000Z',
          currentDueAt: '2026-12-05T06:30:00.000Z',
          requestedBy: 'staff-1',
        }),
      ),
    ).toEqual({ kind: 'extension_requested', ...base, at: new Date('2026-12-03T09:00:00.000Z') });
    expect(
      scorecardFactOf(
        event('samad.request.extension-approved', {
          ...extension,
          dueAt: '2026-12-10T06:30:00.000Z',
          previousDueAt: '2026-12-05T06:30:00.000Z',
          decidedBy: 'supervisor-1',
        }),
      ),
    ).toEqual({
      kind: 'extension_granted',
      ...base,
      at: new Date('2026-12-03T09:00:00.000Z'),
      dueAt: new Date('2026-12-10T06:30:00.000Z'),
    });
  });

  it('ignores events a scorecard does not count', () => {
    expect(
      scorecardFactOf(event('samad.request.acknowledged', { ...base, at: '2026-12-02T08:00:00Z' })),
    ).toBe(undefined);
    expect(scorecardFactOf(event('samad.request.follow-up-recorded', base))).toBeUndefined();
  });
});
