import { DomainError } from '../../shared/domain-error';
import type { ReferInsideAgency } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import {
  definedOnly,
  heldBy,
  isoDate,
  notClosed,
  optionalText,
  registered,
  requiredAgencyCode,
} from './decision-guards';

export const referInsideAgency = ({ data }: ReferInsideAgency, state: RequestState): RequestEvent[] => {
  const agencyCode = requiredAgencyCode(data.agencyCode);
  const unit = optionalText(data.unit, false, 'unit');
  const toStaff = optionalText(data.toStaff, false, 'toStaff');
  const note = optionalText(data.note, true, 'note');
  if (unit === undefined && toStaff === undefined) {
    throw new DomainError('VALUE_REQUIRED', 'refer to a unit or to a staff member', 'unit');
  }
  const at = isoDate(data.now, 'now');

  const request = registered(state, data.trackingCode);
  notClosed(request);
  heldBy(request, agencyCode);
  const current = request.referral;
  if (
    request.status === 'referred' &&
    current?.unit === unit &&
    current?.toStaff === toStaff &&
    current?.note === note
  ) {
    return [];
  }
  const trackingCode = request.trackingCode;
  return [
    // Referring is handling it: a request referred straight from the inbox is acknowledged at that moment.
    ...(request.status === 'routed'
      ? [{ type: 'RequestAcknowledged' as const, data: { trackingCode, agencyCode, at } }]
      : []),
    {
      type: 'RequestReferredInsideAgency',
      data: definedOnly({ trackingCode, agencyCode, unit, toStaff, note, at }),
    },
  ];
};
