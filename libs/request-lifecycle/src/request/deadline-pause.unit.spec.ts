import { DEFAULT_OFFICE_HOURS } from '../calendar/working-time';
import { nextDeadlineStep, type DeadlineCalendar } from './deadline-schedule';
import { stateFromEvents } from './request.evolve';
import type { RequestEvent } from './request.events';
import { extensionEvents } from './test-support/extension.fixtures';
import { history } from './test-support/request.fixtures';

// The clock pauses while information is asked of the citizen, and the due date moves by the paused
// working time once it is supplied (ADR 24).
const calendar: DeadlineCalendar = {
  thursday: 'working',
  officeHours: DEFAULT_OFFICE_HOURS,
  holidays: new Set(),
  inspectionAfterWorkingDays: 3,
};
const step = (stream: RequestEvent[]) => {
  const next = nextDeadlineStep(stateFromEvents(stream), calendar);
  return next && { command: next.command, dueAt: next.dueAt.toISOString(), at: next.at.toISOString() };
};
const { informationRequested, informationSupplied, deadlineResumed, extensionRequested, extensionApproved } =
  extensionEvents;

describe('the deadline watcher and information requests', () => {
  it('owes nothing while the citizen is asked', () => {
    expect(step([...history.acknowledged(), informationRequested()])).toBeUndefined();
  });

  it('once supplied, resumes with the due date moved by the working time paused', () => {
    // Paused Sunday 09:30 to Monday 09:30 Tehran: seven office hours. Due Tuesday 09:00, so five and a half
    // hours that day and the last hour and a half on Wednesday: due Wednesday 09:00.
    expect(step([...history.acknowledged(), informationRequested(), informationSupplied()])).toEqual({
      command: 'ResumeDeadline',
      dueAt: '2024-10-23T05:30:00.000Z',
      at: '2024-10-21T06:00:00.000Z',
    });
  });

  it('follows the moved deadline as a new one after resuming, its span counted from the resumption', () => {
    // 80% of 21 Oct 06:00:10 → 23 Oct 05:30 is later than the working day before.
    expect(
      step([...history.acknowledged(), informationRequested(), informationSupplied(), deadlineResumed()]),
    ).toEqual({
      command: 'RecordDeadlineApproaching',
      dueAt: '2024-10-23T05:30:00.000Z',
      at: '2024-10-22T20:00:02.000Z',
    });
  });

  it('follows an approved extension as a new deadline', () => {
    expect(step([...history.acknowledged(), extensionRequested(), extensionApproved()])).toEqual({
      command: 'RecordDeadlineApproaching',
      dueAt: '2024-10-29T05:30:00.000Z',
      at: '2024-10-28T05:30:00.000Z',
    });
  });
});
