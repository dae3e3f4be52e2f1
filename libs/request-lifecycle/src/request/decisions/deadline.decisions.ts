import { DomainError } from '../../shared/domain-error';
import type {
  EscalateToInspection,
  RecordDeadlineApproaching,
  RecordDeadlineMissed,
  SetDueTime,
} from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RegisteredRequest, RequestState } from '../request.state';
import { isHeld, isoDate, notClosed, registered, requiredText } from './decision-guards';
import { notPaused } from './running-deadline';

type RunningDeadline = RegisteredRequest & {
  agencyCode: string;
  dueAt: string;
  deadline: NonNullable<RegisteredRequest['deadline']>;
};

/** The request's clock runs only while an agency holds it; an answer or a return stops it. */
const running = (request: RegisteredRequest): RunningDeadline => {
  notClosed(request);
  if (!isHeld(request) || !request.agencyCode || !request.dueAt || !request.deadline) {
    throw new DomainError(
      'NO_DEADLINE_RUNNING',
      `request ${request.trackingCode} has no deadline running (${request.status})`,
    );
  }
  return request as RunningDeadline;
};

/** The watcher names the deadline by its due time, so a decision made on a stale read appends nothing. */
const current = (state: RequestState, trackingCode: string, dueAtDate: Date): RunningDeadline => {
  const dueAt = isoDate(dueAtDate, 'dueAt');
  const request = running(registered(state, trackingCode));
  notPaused(request); // the clock stands still while information is asked of the citizen (ADR 24)
  if (request.dueAt !== dueAt) {
    throw new DomainError(
      'DEADLINE_NOT_CURRENT',
      `request ${request.trackingCode} is due ${request.dueAt}, not ${dueAt}`,
      'dueAt',
    );
  }
  return request;
};

export const setDueTime = ({ data }: SetDueTime, state: RequestState): RequestEvent[] => {
  const dueAt = isoDate(data.dueAt, 'dueAt');
  const reason = requiredText(data.reason, 'reason');
  const setBy = requiredText(data.setBy, 'setBy', false);
  const at = isoDate(data.now, 'now');
  const request = running(registered(state, data.trackingCode));
  if (request.dueAt === dueAt) return [];
  if (data.dueAt.getTime() <= data.now.getTime()) {
    throw new DomainError('DUE_DATE_NOT_IN_FUTURE', 'the due date must be after now', 'dueAt');
  }
  const { trackingCode, agencyCode, dueAt: previousDueAt } = request;
  return [
    { type: 'DueTimeSet', data: { trackingCode, agencyCode, dueAt, previousDueAt, reason, setBy, at } },
  ];
};

export const recordDeadlineApproaching = (
  { data }: RecordDeadlineApproaching,
  state: RequestState,
): RequestEvent[] => {
  const at = isoDate(data.now, 'now');
  const request = current(state, data.trackingCode, data.dueAt);
  if (request.deadline.approachingAt !== undefined) return [];
  const { trackingCode, agencyCode, dueAt } = request;
  return [{ type: 'DeadlineApproaching', data: { trackingCode, agencyCode, dueAt, at } }];
};

/** Missing a deadline escalates to the agency's manager at once (level 1). */
export const recordDeadlineMissed = ({ data }: RecordDeadlineMissed, state: RequestState): RequestEvent[] => {
  const at = isoDate(data.now, 'now');
  const request = current(state, data.trackingCode, data.dueAt);
  if (request.deadline.missedAt !== undefined) return [];
  if (data.now.getTime() < data.dueAt.getTime()) {
    throw new DomainError('DEADLINE_NOT_REACHED', `request ${request.trackingCode} is due ${request.dueAt}`);
  }
  const { trackingCode, agencyCode, dueAt } = request;
  return [
    { type: 'DeadlineMissed', data: { trackingCode, agencyCode, dueAt, at } },
    { type: 'RequestEscalated', data: { trackingCode, agencyCode, level: 1, dueAt, at } },
  ];
};

/** When level 2 is due is the caller's to compute (working days after the miss, by the calendar). */
export const escalateToInspection = ({ data }: EscalateToInspection, state: RequestState): RequestEvent[] => {
  const at = isoDate(data.now, 'now');
  const request = current(state, data.trackingCode, data.dueAt);
  if (request.deadline.escalationLevel === 2) return [];
  if (request.deadline.escalationLevel !== 1) {
    throw new DomainError(
      'DEADLINE_NOT_REACHED',
      `request ${request.trackingCode} is not escalated to the agency's manager yet`,
    );
  }
  const { trackingCode, agencyCode, dueAt } = request;
  return [{ type: 'RequestEscalated', data: { trackingCode, agencyCode, level: 2, dueAt, at } }];
};
