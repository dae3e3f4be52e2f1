import type { Acknowledge } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { heldBy, isoDate, notClosed, registered, requiredAgencyCode } from './decision-guards';

export const acknowledge = ({ data }: Acknowledge, state: RequestState): RequestEvent[] => {
  const agencyCode = requiredAgencyCode(data.agencyCode);
  const at = isoDate(data.now, 'now');

  const request = registered(state, data.trackingCode);
  notClosed(request);
  heldBy(request, agencyCode);
  // A referral already implies acknowledgement; acknowledging again changes nothing.
  if (request.status !== 'routed') return [];
  return [{ type: 'RequestAcknowledged', data: { trackingCode: request.trackingCode, agencyCode, at } }];
};
