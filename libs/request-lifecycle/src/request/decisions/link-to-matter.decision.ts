import { DomainError } from '../../shared/domain-error';
import type { LinkToMatter } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { isoDate, notClosed, registered, requiredCode } from './decision-guards';

const matterIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Links an open, unanswered request to a collective matter; a request belongs to one matter at most. */
export const linkToMatter = ({ data }: LinkToMatter, state: RequestState): RequestEvent[] => {
  const matterId = requiredCode(data.matterId, 'matterId');
  if (!matterIdPattern.test(matterId)) {
    throw new DomainError('INVALID_VALUE', 'letters, digits, - and _ only', 'matterId');
  }
  const linkedBy = requiredCode(data.linkedBy, 'linkedBy');
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  if (request.matterId === matterId) return [];
  notClosed(request);
  if (request.matterId !== undefined) {
    throw new DomainError(
      'ALREADY_IN_MATTER',
      `request ${request.trackingCode} already belongs to matter ${request.matterId}`,
    );
  }
  // The matter is answered once for all: a request already answered would get a second answer.
  if (request.status === 'answered') {
    throw new DomainError('REQUEST_ALREADY_ANSWERED', `request ${request.trackingCode} is already answered`);
  }
  return [{ type: 'LinkedToMatter', data: { trackingCode: request.trackingCode, matterId, linkedBy, at } }];
};
