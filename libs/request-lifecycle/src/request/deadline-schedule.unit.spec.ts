import { DEFAULT_OFFICE_HOURS } from '../calendar/working-time';
import { approachingMoment, nextDeadlineStep, type DeadlineCalendar } from './deadline-schedule';
import { stateFromEvents } from './request.evolve';
import type { RequestEvent } from './request.events';
import { AGENCY, events, history, T, TRACKING_CODE } from './test-support/request.fixtures';

const calendar: DeadlineCalendar = {
  thursday: 'working',
  officeHours: DEFAULT_OFFICE_HOURS,
  holidays: new Set(),
  inspectionAfterWorkingDays: 3,
};
const fact = { trackingCode: TRACKING_CODE, agencyCode: AGENCY, dueAt: T.due };

describe('approachingMoment', () => {
  it('is one working day before a long deadline, skipping Friday', () => {
    // Due Saturday 2024-10-26 09:00 Tehran: the working day before is Thursday.
    const due = new Date('2024-10-26T05:30:00Z');
    expect(approachingMoment(new Date('2024-10-15T05:30:00Z'), due, calendar).toISOString()).toBe(
      '2024-10-24T05:30:00.000Z',
    );
  });

  it('is at 80% of a short span', () => {
    const start = new Date('2024-10-15T07:30:00Z');
    expect(approachingMoment(start, new Date('2024-10-15T09:30:00Z'), calendar).toISOString()).toBe(
      '2024-10-15T09:06:00.000Z',
    );
    expect(approachingMoment(start, new Date('2024-10-15T07:31:00Z'), calendar).toISOString()).toBe(
      '2024-10-15T07:30:48.000Z',
    );
  });
});

describe('nextDeadlineStep', () => {
  const step = (stream: RequestEvent[]) => {
    const next = nextDeadlineStep(stateFromEvents(stream), calendar);
    return next && { command: next.command, at: next.at.toISOString() };
  };
  const approached = events.requestAcknowledged();
  const deadlineApproaching: RequestEvent = {
    type: 'DeadlineApproaching',
    data: { ...fact, at: '2024-10-21T05:30:00.000Z' },
  };
  const missed: RequestEvent[] = [
    { type: 'DeadlineMissed', data: { ...fact, at: T.due } },
    { type: 'RequestEscalated', data: { ...fact, level: 1, at: T.due } },
  ];

  it('goes approaching → missed → level 2 → nothing', () => {
    expect(step([...history.routed(), approached])).toEqual({
      command: 'RecordDeadlineApproaching',
      at: '2024-10-21T05:30:00.000Z',
    });
    expect(step([...history.acknowledged(), deadlineApproaching])).toEqual({
      command: 'RecordDeadlineMissed',
      at: T.due,
    });
    // Due Tuesday 2024-10-22; three working days later, Friday skipped: Saturday 2024-10-26.
    expect(step([...history.acknowledged(), deadlineApproaching, ...missed])).toEqual({
      command: 'EscalateToInspection',
      at: '2024-10-26T05:30:00.000Z',
    });
    expect(
      step([
        ...history.acknowledged(),
        deadlineApproaching,
        ...missed,
        { type: 'RequestEscalated', data: { ...fact, level: 2, at: '2024-10-26T05:30:00.000Z' } },
      ]),
    ).toBeUndefined();
  });

  it('owes nothing once answered, returned or closed, or before routing', () => {
    for (const stream of [history.answered(), history.returned(), history.closed(), history.registered()]) {
      expect(step(stream)).toBeUndefined();
    }
  });
});
