import type { RecordFollowUp } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { requestChannels } from '../request.vocabulary';
import { isoDate, notClosed, oneOf, registered, requiredText } from './decision-guards';

export const recordFollowUp = ({ data }: RecordFollowUp, state: RequestState): RequestEvent[] => {
  const note = requiredText(data.note, 'note');
  const channel = oneOf(data.channel, requestChannels, 'channel');
  const at = isoDate(data.now, 'now');

  const request = registered(state, data.trackingCode);
  notClosed(request);
  // Follow-ups are counted (each one is a citizen chasing), so only an exact replay, same instant included, is a repeat.
  const last = request.lastFollowUp;
  if (last?.note === note && last.channel === channel && last.at === at) return [];
  return [{ type: 'FollowUpRecorded', data: { trackingCode: request.trackingCode, note, channel, at } }];
};
