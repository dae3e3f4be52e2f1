import { DomainError } from '../../shared/domain-error';
import type { RouteToAgency } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { routingOrigins } from '../request.vocabulary';
import {
  definedOnly,
  isHeld,
  isoDate,
  notClosed,
  oneOf,
  registered,
  requiredAgencyCode,
  requiredCode,
} from './decision-guards';

export const routeToAgency = ({ data }: RouteToAgency, state: RequestState): RequestEvent[] => {
  const agencyCode = requiredAgencyCode(data.agencyCode);
  const routedBy = oneOf(data.routedBy, routingOrigins, 'routedBy');
  // Auditors must be able to tell which rule sent a request where.
  const ruleId =
    routedBy === 'rules' || data.ruleId !== undefined ? requiredCode(data.ruleId, 'ruleId') : undefined;
  const dueAt = isoDate(data.dueAt, 'dueAt');
  const at = isoDate(data.now, 'now');

  const request = registered(state, data.trackingCode);
  notClosed(request);
  if (request.status === 'answered') {
    throw new DomainError('REQUEST_ALREADY_ANSWERED', `request ${request.trackingCode} is already answered`);
  }
  if (isHeld(request)) {
    const sameRoute =
      request.agencyCode === agencyCode &&
      request.dueAt === dueAt &&
      request.routedBy === routedBy &&
      request.ruleId === ruleId;
    if (sameRoute) return [];
    throw new DomainError(
      'REQUEST_ALREADY_ROUTED',
      `request ${request.trackingCode} is with agency ${request.agencyCode}; it must be returned before rerouting`,
    );
  }
  // Rules never send a request back to an agency that disowned it; a supervisor arbitrating the dispute may.
  if (routedBy === 'rules' && request.returnedBy.includes(agencyCode)) {
    throw new DomainError(
      'AGENCY_ALREADY_RETURNED',
      `agency ${agencyCode} returned request ${request.trackingCode} as not responsible`,
      'agencyCode',
    );
  }
  if (data.dueAt.getTime() <= data.now.getTime()) {
    throw new DomainError('DUE_DATE_NOT_IN_FUTURE', 'the due date must be after now', 'dueAt');
  }
  return [
    {
      type: 'RequestRoutedToAgency',
      data: definedOnly({ trackingCode: request.trackingCode, agencyCode, dueAt, routedBy, ruleId, at }),
    },
  ];
};
