import {
  addWorkingMinutes,
  dueAfterWorkingDays,
  isOfficeDay,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../calendar/working-time';
import type { RequestCommand } from './request.commands';
import type { RequestState } from './request.state';
import { isHeldStatus } from './request.vocabulary';

/** The working calendar due dates are computed in (ADR 21), and the escalation ladder's second rung. */
export interface DeadlineCalendar extends WorkingCalendar {
  /** Working days after a missed deadline, still unanswered, before level 2 (the inspection office). */
  readonly inspectionAfterWorkingDays: number;
}

export type DeadlineStepCommand = Extract<
  RequestCommand,
  { type: 'RecordDeadlineApproaching' | 'RecordDeadlineMissed' | 'EscalateToInspection' | 'ResumeDeadline' }
>['type'];

/** The next thing the deadline watcher owes a request, and from when. */
export interface DeadlineStep {
  readonly command: DeadlineStepCommand;
  readonly dueAt: Date;
  readonly at: Date;
}

const DAY_MS = 86_400_000;
const SHORT_SPAN_SHARE = 0.8;

/** The same wall-clock time on the previous working day (Tehran keeps no daylight saving time). */
const oneWorkingDayBefore = (moment: Date, calendar: DeadlineCalendar): Date => {
  let cursor = new Date(moment.getTime() - DAY_MS);
  for (let i = 0; i < 366 && !isOfficeDay(cursor, calendar); i++) {
    cursor = new Date(cursor.getTime() - DAY_MS);
  }
  return cursor;
};

/**
 * When a deadline counts as approaching: one working day before it, or at 80% of its span when that
 * is later (a two-hour deadline approaches after 96 minutes, not a day before it started).
 */
export const approachingMoment = (startedAt: Date, dueAt: Date, calendar: DeadlineCalendar): Date => {
  const dayBefore = oneWorkingDayBefore(dueAt, calendar).getTime();
  const share = startedAt.getTime() + SHORT_SPAN_SHARE * (dueAt.getTime() - startedAt.getTime());
  return new Date(Math.max(dayBefore, Math.ceil(share)));
};

/** What the watcher must record next for the request's running deadline; undefined when nothing is left. */
export const nextDeadlineStep = (
  state: RequestState,
  calendar: DeadlineCalendar,
): DeadlineStep | undefined => {
  if (state.status === 'not_registered' || !isHeldStatus(state.status)) return undefined;
  const { dueAt: due, deadline } = state;
  if (due === undefined || deadline === undefined) return undefined;
  const dueAt = new Date(due);
  const paused = state.informationRequest;
  if (paused !== undefined) {
    // Paused while the citizen is asked (nothing to record); once supplied, the due date moves on (ADR 24).
    if (paused.suppliedAt === undefined) return undefined;
    const suppliedAt = new Date(paused.suppliedAt);
    const pausedMinutes = workingMinutesBetween(new Date(paused.requestedAt), suppliedAt, calendar);
    const resumedDue = pausedMinutes > 0 ? addWorkingMinutes(dueAt, pausedMinutes, calendar) : dueAt;
    return { command: 'ResumeDeadline', dueAt: resumedDue, at: suppliedAt };
  }
  if (deadline.approachingAt === undefined) {
    const at = approachingMoment(new Date(deadline.startedAt), dueAt, calendar);
    return { command: 'RecordDeadlineApproaching', dueAt, at };
  }
  if (deadline.missedAt === undefined) return { command: 'RecordDeadlineMissed', dueAt, at: dueAt };
  if (deadline.escalationLevel === 1) {
    const at = dueAfterWorkingDays(dueAt, calendar.inspectionAfterWorkingDays, calendar);
    return { command: 'EscalateToInspection', dueAt, at };
  }
  return undefined;
};

/** The command for a step that is due, as the watcher issues it. */
export const deadlineStepCommand = (
  step: DeadlineStep,
  trackingCode: string,
  now: Date,
): Extract<RequestCommand, { type: DeadlineStepCommand }> => ({
  type: step.command,
  data: { trackingCode, dueAt: step.dueAt, now },
});
