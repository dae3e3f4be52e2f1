import { DomainError } from '../../shared/domain-error';
import type { MarkAwaitingManualRouting } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { isHeld, isoDate, notClosed, registered, requiredText } from './decision-guards';

export const markAwaitingManualRouting = (
  { data }: MarkAwaitingManualRouting,
  state: RequestState,
): RequestEvent[] => {
  const reason = requiredText(data.reason, 'reason');
  const at = isoDate(data.now, 'now');

  const request = registered(state, data.trackingCode);
  notClosed(request);
  if (request.status === 'answered') {
    throw new DomainError('REQUEST_ALREADY_ANSWERED', `request ${request.trackingCode} is already answered`);
  }
  if (isHeld(request)) {
    throw new DomainError(
      'REQUEST_ALREADY_ROUTED',
      `request ${request.trackingCode} is with agency ${request.agencyCode}`,
    );
  }
  if (request.status === 'awaiting_manual_routing') {
    if (request.manualRoutingReason === reason) return [];
    throw new DomainError(
      'REQUEST_ALREADY_AWAITING_MANUAL_ROUTING',
      `request ${request.trackingCode} already waits for a supervisor: ${request.manualRoutingReason}`,
    );
  }
  return [{ type: 'RequestAwaitingManualRouting', data: { trackingCode: request.trackingCode, reason, at } }];
};
