import { DomainError } from '../../shared/domain-error';
import { parseTrackingCode } from '../../value-objects/tracking-code.value-object';
import type { Close } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { closeReasons } from '../request.vocabulary';
import { definedOnly, isoDate, oneOf, optionalText, registered } from './decision-guards';

export const close = ({ data }: Close, state: RequestState): RequestEvent[] => {
  const reason = oneOf(data.reason, closeReasons, 'reason');
  // Only a registration can close a request as answered on the call (registerRequest), never a later Close.
  if (reason === 'answered_at_first_contact') {
    throw new DomainError(
      'INVALID_VALUE',
      'a request is answered at first contact only when registered',
      'reason',
    );
  }
  let duplicateOf: string | undefined;
  if (reason === 'duplicate') duplicateOf = parseTrackingCode(data.duplicateOf ?? '', 'duplicateOf');
  else if (data.duplicateOf !== undefined) {
    throw new DomainError(
      'INVALID_VALUE',
      'only a request closed as duplicate names its original',
      'duplicateOf',
    );
  }
  const note = optionalText(data.note, true, 'note');
  const at = isoDate(data.now, 'now');

  const request = registered(state, data.trackingCode);
  if (request.status === 'closed') {
    const closure = request.closure;
    if (closure?.reason === reason && closure.duplicateOf === duplicateOf) return [];
    throw new DomainError(
      'REQUEST_ALREADY_CLOSED',
      `request ${request.trackingCode} is closed (${closure?.reason})`,
    );
  }
  if (duplicateOf === request.trackingCode) {
    throw new DomainError('INVALID_VALUE', 'a request cannot duplicate itself', 'duplicateOf');
  }
  // "No request stays unanswered": closing as answered needs an answer on record.
  if (reason === 'answered' && request.status !== 'answered') {
    throw new DomainError(
      'REQUEST_NOT_ANSWERED',
      `request ${request.trackingCode} has no answer yet`,
      'reason',
    );
  }
  return [
    {
      type: 'RequestClosed',
      data: definedOnly({ trackingCode: request.trackingCode, reason, duplicateOf, note, at }),
    },
  ];
};
