import { DomainError } from '../../shared/domain-error';
import type { Answer } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { answerOutcomes } from '../request.vocabulary';
import {
  heldBy,
  isoDate,
  notClosed,
  oneOf,
  registered,
  requiredAgencyCode,
  requiredText,
} from './decision-guards';

export const answer = ({ data }: Answer, state: RequestState): RequestEvent[] => {
  const agencyCode = requiredAgencyCode(data.agencyCode);
  const outcome = oneOf(data.outcome, answerOutcomes, 'outcome');
  const text = requiredText(data.text, 'text');
  const answeredAt = isoDate(data.now, 'now');

  const request = registered(state, data.trackingCode);
  notClosed(request);
  if (request.status === 'answered' && request.agencyCode === agencyCode) {
    const given = request.answer;
    if (given?.outcome === outcome && given.text === text) return [];
    // Changing an answer is an objection/reopen flow, not a second answer.
    throw new DomainError('REQUEST_ALREADY_ANSWERED', `request ${request.trackingCode} is already answered`);
  }
  heldBy(request, agencyCode);
  const trackingCode = request.trackingCode;
  return [
    // Answering straight from the inbox acknowledges it too, so every answered request has an acknowledgement.
    ...(request.status === 'routed'
      ? [{ type: 'RequestAcknowledged' as const, data: { trackingCode, agencyCode, at: answeredAt } }]
      : []),
    {
      type: 'RequestAnswered',
      data: {
        trackingCode,
        agencyCode,
        outcome,
        text,
        answeredAt,
        ...(data.template && {
          template: { templateId: data.template.templateId, version: data.template.version },
        }),
      },
    },
  ];
};
