import { DomainError } from '../../shared/domain-error';
import type { RegisteredRequest } from '../request.state';
import { isHeld, notClosed } from './decision-guards';

export type RunningDeadline = RegisteredRequest & {
  agencyCode: string;
  dueAt: string;
  deadline: NonNullable<RegisteredRequest['deadline']>;
};

/** The request's clock runs only while an agency holds it; an answer or a return stops it. */
export const runningDeadline = (request: RegisteredRequest): RunningDeadline => {
  notClosed(request);
  if (!isHeld(request) || !request.agencyCode || !request.dueAt || !request.deadline) {
    throw new DomainError(
      'NO_DEADLINE_RUNNING',
      `request ${request.trackingCode} has no deadline running (${request.status})`,
    );
  }
  return request as RunningDeadline;
};

/** Asked of the citizen and not supplied yet, or supplied and not resumed by the watcher yet. */
export const isPaused = (request: RegisteredRequest): boolean => request.informationRequest !== undefined;

export const notPaused = (request: RegisteredRequest): void => {
  if (isPaused(request)) {
    throw new DomainError(
      'DEADLINE_PAUSED',
      `request ${request.trackingCode} waits for information from the citizen; its clock is paused`,
    );
  }
};
