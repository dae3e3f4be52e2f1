import type { ReturnAsNotResponsible } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { heldBy, isoDate, notClosed, registered, requiredAgencyCode, requiredText } from './decision-guards';

export const returnAsNotResponsible = (
  { data }: ReturnAsNotResponsible,
  state: RequestState,
): RequestEvent[] => {
  const agencyCode = requiredAgencyCode(data.agencyCode);
  const reason = requiredText(data.reason, 'reason');
  const at = isoDate(data.now, 'now');

  const request = registered(state, data.trackingCode);
  notClosed(request);
  // The agency no longer holds it after returning, so the repeat is recognised by the last return.
  const last = request.lastReturn;
  if (request.status === 'returned' && last?.agencyCode === agencyCode && last.reason === reason) return [];
  heldBy(request, agencyCode);
  return [
    {
      type: 'RequestReturnedAsNotResponsible',
      data: { trackingCode: request.trackingCode, agencyCode, reason, at },
    },
  ];
};
