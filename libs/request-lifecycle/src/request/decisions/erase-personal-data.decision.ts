import { DomainError } from '../../shared/domain-error';
import type { ErasePersonalData } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { isoDate, registered } from './decision-guards';

/**
 * Erasure is a legal duty, not a step of the lifecycle: it is recorded whatever the status, closed
 * requests included, and once per citizen (a repeat is an idempotent no-op).
 */
export const erasePersonalData = ({ data }: ErasePersonalData, state: RequestState): RequestEvent[] => {
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  const index = data.citizenIndex;
  if (!Number.isInteger(index) || index < 0 || index >= request.citizens.length) {
    throw new DomainError(
      'INVALID_VALUE',
      `request ${request.trackingCode} has no citizen number ${index}`,
      'citizenIndex',
    );
  }
  if (request.erasedCitizens?.includes(index)) return [];
  return [
    { type: 'PersonalDataErased', data: { trackingCode: request.trackingCode, citizenIndex: index, at } },
  ];
};
