import { DomainError } from '../../shared/domain-error';
import { parseTrackingCode } from '../../value-objects/tracking-code.value-object';
import type { AbsorbDuplicate, MergeAsDuplicate } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { isoDate, notClosed, registered, requiredCode } from './decision-guards';

// A merge is two facts, one in each stream (ADR 27): the handler decides both before appending either.

/** Closes the request as a duplicate of the survivor; repeating the same merge changes nothing. */
export const mergeAsDuplicate = ({ data }: MergeAsDuplicate, state: RequestState): RequestEvent[] => {
  const survivorCode = parseTrackingCode(data.survivorCode ?? '', 'survivorCode');
  const mergedBy = requiredCode(data.mergedBy, 'mergedBy');
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  if (survivorCode === request.trackingCode) {
    throw new DomainError('INVALID_VALUE', 'a request cannot duplicate itself', 'survivorCode');
  }
  if (request.status === 'closed' && request.closure?.duplicateOf === survivorCode) return [];
  notClosed(request);
  return [
    { type: 'MergedAsDuplicate', data: { trackingCode: request.trackingCode, survivorCode, mergedBy, at } },
  ];
};

/** The survivor takes the duplicate in: it must still be open to be followed. */
export const absorbDuplicate = ({ data }: AbsorbDuplicate, state: RequestState): RequestEvent[] => {
  const absorbedCode = parseTrackingCode(data.absorbedCode ?? '', 'absorbedCode');
  const mergedBy = requiredCode(data.mergedBy, 'mergedBy');
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  if (absorbedCode === request.trackingCode) {
    throw new DomainError('INVALID_VALUE', 'a request cannot absorb itself', 'absorbedCode');
  }
  if (request.absorbed?.includes(absorbedCode)) return [];
  notClosed(request);
  return [
    { type: 'DuplicateAbsorbed', data: { trackingCode: request.trackingCode, absorbedCode, mergedBy, at } },
  ];
};
