import { DomainError } from '../../shared/domain-error';
import { parseIranianMobile } from '../../value-objects/iranian-mobile.value-object';
import { parseNationalCode } from '../../value-objects/national-code.value-object';
import type { AddSignatory } from '../request.commands';
import type { Citizen, RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { isoDate, notClosed, registered, requiredCode, requiredText } from './decision-guards';

/** Another citizen signs an open collective request (ADR 17 extended by ADR 27). */
export const addSignatory = ({ data }: AddSignatory, state: RequestState): RequestEvent[] => {
  const citizen: Citizen = {
    nationalCode: parseNationalCode(data.citizen?.nationalCode ?? '', 'citizen.nationalCode'),
    fullName: requiredText(data.citizen?.fullName, 'citizen.fullName', false),
    mobile: parseIranianMobile(data.citizen?.mobile ?? '', 'citizen.mobile'),
  };
  const addedBy = requiredCode(data.addedBy, 'addedBy');
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  const already = request.citizens.find((c) => c.nationalCode === citizen.nationalCode);
  // A retry of the same signature is no new fact; the same person with other details is a typo to look at.
  if (already && already.fullName === citizen.fullName && already.mobile === citizen.mobile) return [];
  notClosed(request);
  if (!request.collective) {
    throw new DomainError('NOT_COLLECTIVE', `request ${request.trackingCode} is not a collective request`);
  }
  if (already) {
    throw new DomainError(
      'ALREADY_SIGNED',
      'this national code already signed the request',
      'citizen.nationalCode',
    );
  }
  return [
    {
      type: 'SignatoryAdded',
      data: {
        trackingCode: request.trackingCode,
        signatoryIndex: request.citizens.length,
        citizen,
        addedBy,
        at,
      },
    },
  ];
};
