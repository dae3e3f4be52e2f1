import { DomainError } from '../../shared/domain-error';
import type { ApproveExtension, RefuseExtension, RequestExtension } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RegisteredRequest, RequestState } from '../request.state';
import { heldBy, isoDate, notClosed, registered, requiredCode, requiredText } from './decision-guards';
import { notPaused, runningDeadline } from './running-deadline';

/** Agency staff ask for more time: at most one request waits for a supervisor at a time. */
export const requestExtension = ({ data }: RequestExtension, state: RequestState): RequestEvent[] => {
  const extensionId = requiredCode(data.extensionId, 'extensionId');
  const proposedDueAt = isoDate(data.proposedDueAt, 'proposedDueAt');
  const reason = requiredText(data.reason, 'reason');
  const requestedBy = requiredText(data.requestedBy, 'requestedBy', false);
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  notClosed(request);
  heldBy(request, data.agencyCode);
  const { agencyCode, dueAt: currentDueAt, trackingCode } = runningDeadline(request);
  if (request.pendingExtension) {
    if (request.pendingExtension.extensionId === extensionId) return [];
    throw new DomainError(
      'EXTENSION_ALREADY_PENDING',
      `request ${trackingCode} already has an extension waiting for a supervisor`,
    );
  }
  if (request.extensionOutcomes?.[extensionId] !== undefined) return [];
  notPaused(request);
  if (data.proposedDueAt.getTime() <= new Date(currentDueAt).getTime()) {
    throw new DomainError('PROPOSED_DUE_NOT_LATER', 'must be after the current due date', 'proposedDueAt');
  }
  return [
    {
      type: 'ExtensionRequested',
      data: { trackingCode, agencyCode, extensionId, proposedDueAt, currentDueAt, reason, requestedBy, at },
    },
  ];
};

type Decided = RegisteredRequest & { pendingExtension: NonNullable<RegisteredRequest['pendingExtension']> };

/** The pending extension named, or `'approved' | 'refused'` when it was decided already. */
const pendingOrOutcome = (
  request: RegisteredRequest,
  extensionId: string,
): Decided | 'approved' | 'refused' => {
  const outcome = request.extensionOutcomes?.[extensionId];
  if (outcome !== undefined) return outcome;
  if (request.pendingExtension?.extensionId !== extensionId) {
    throw new DomainError(
      'EXTENSION_NOT_FOUND',
      `request ${request.trackingCode} has no extension ${extensionId}`,
      'extensionId',
    );
  }
  return request as Decided;
};

const alreadyDecided = (request: RegisteredRequest, extensionId: string, outcome: string): DomainError =>
  new DomainError(
    'EXTENSION_ALREADY_DECIDED',
    `extension ${extensionId} of request ${request.trackingCode} was already ${outcome}`,
  );

export const approveExtension = ({ data }: ApproveExtension, state: RequestState): RequestEvent[] => {
  const extensionId = requiredCode(data.extensionId, 'extensionId');
  const decidedBy = requiredText(data.decidedBy, 'decidedBy', false);
  const at = isoDate(data.now, 'now');
  const chosenDueAt = data.dueAt === undefined ? undefined : isoDate(data.dueAt, 'dueAt');
  const request = registered(state, data.trackingCode);
  const found = pendingOrOutcome(request, extensionId);
  if (found === 'approved') return [];
  if (found === 'refused') throw alreadyDecided(request, extensionId, found);
  const { trackingCode, agencyCode, dueAt: previousDueAt } = runningDeadline(found);
  notPaused(found);
  const dueAt = chosenDueAt ?? found.pendingExtension.proposedDueAt;
  if (new Date(dueAt).getTime() <= data.now.getTime()) {
    throw new DomainError('DUE_DATE_NOT_IN_FUTURE', 'the due date must be after now', 'dueAt');
  }
  return [
    {
      type: 'ExtensionApproved',
      data: { trackingCode, agencyCode, extensionId, dueAt, previousDueAt, decidedBy, at },
    },
  ];
};

/** A refusal leaves the deadline as it is; the staff may ask again. */
export const refuseExtension = ({ data }: RefuseExtension, state: RequestState): RequestEvent[] => {
  const extensionId = requiredCode(data.extensionId, 'extensionId');
  const reason = requiredText(data.reason, 'reason');
  const decidedBy = requiredText(data.decidedBy, 'decidedBy', false);
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  const found = pendingOrOutcome(request, extensionId);
  if (found === 'refused') return [];
  if (found === 'approved') throw alreadyDecided(request, extensionId, found);
  const { trackingCode } = found;
  const { agencyCode } = found.pendingExtension;
  return [
    { type: 'ExtensionRefused', data: { trackingCode, agencyCode, extensionId, reason, decidedBy, at } },
  ];
};
