import { DomainError } from '../../shared/domain-error';
import type { RequestInformation, ResumeDeadline, SupplyInformation } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { heldBy, isoDate, notClosed, registered, requiredText } from './decision-guards';
import { runningDeadline } from './running-deadline';

/** Agency staff ask the citizen for more: the clock pauses (the watcher records nothing meanwhile). */
export const requestInformation = ({ data }: RequestInformation, state: RequestState): RequestEvent[] => {
  const question = requiredText(data.question, 'question');
  const requestedBy = requiredText(data.requestedBy, 'requestedBy', false);
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  notClosed(request);
  heldBy(request, data.agencyCode);
  const { trackingCode, agencyCode, dueAt } = runningDeadline(request);
  if (request.informationRequest !== undefined) {
    throw new DomainError(
      'INFORMATION_ALREADY_REQUESTED',
      `request ${trackingCode} already waits for information from the citizen`,
    );
  }
  return [
    { type: 'InformationRequested', data: { trackingCode, agencyCode, question, requestedBy, dueAt, at } },
  ];
};

/** The operator records what the citizen supplied; the watcher then resumes the clock. */
export const supplyInformation = ({ data }: SupplyInformation, state: RequestState): RequestEvent[] => {
  const information = requiredText(data.information, 'information');
  const suppliedBy = requiredText(data.suppliedBy, 'suppliedBy', false);
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  notClosed(request);
  const asked = request.informationRequest;
  if (asked === undefined || asked.suppliedAt !== undefined || request.agencyCode === undefined) {
    throw new DomainError(
      'NO_INFORMATION_REQUESTED',
      `no information is asked of the citizen on request ${request.trackingCode}`,
    );
  }
  const { trackingCode, agencyCode } = request;
  return [
    {
      type: 'InformationSupplied',
      data: { trackingCode, agencyCode, information, suppliedBy, requestedAt: asked.requestedAt, at },
    },
  ];
};

/** The watcher's: `dueAt` is the old due date moved by the paused working time (nextDeadlineStep). */
export const resumeDeadline = ({ data }: ResumeDeadline, state: RequestState): RequestEvent[] => {
  const dueAt = isoDate(data.dueAt, 'dueAt');
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  const paused = request.informationRequest;
  if (paused?.suppliedAt === undefined) return [];
  const { trackingCode, agencyCode, dueAt: previousDueAt } = runningDeadline(request);
  return [
    {
      type: 'DeadlineResumed',
      data: {
        trackingCode,
        agencyCode,
        dueAt,
        previousDueAt,
        pausedFrom: paused.requestedAt,
        pausedUntil: paused.suppliedAt,
        at,
      },
    },
  ];
};
