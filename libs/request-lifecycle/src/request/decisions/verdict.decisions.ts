import { DomainError } from '../../shared/domain-error';
import type { ObjectToAnswer, RateAnswer } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RegisteredRequest, RequestState } from '../request.state';
import { maximumRating, minimumRating, verdictChannels } from '../request.vocabulary';
import { definedOnly, isoDate, notClosed, oneOf, optionalText, registered } from './decision-guards';

const dayMs = 24 * 60 * 60 * 1000;

type AnsweredRequest = RegisteredRequest & { agencyCode: string; answeredAt: string };

/** When the citizen's window to rate or object ends (calendar days after the answer; fractions allowed). */
export const verdictWindowEndsAt = (answeredAt: string, windowDays: number): Date =>
  new Date(new Date(answeredAt).getTime() + windowDays * dayMs);

const windowDaysOf = (value: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DomainError('INVALID_VALUE', 'must be a positive number of days', 'windowDays');
  }
  return value;
};

/** An answer on record, no verdict on it yet, and the window still open. */
const awaitingVerdict = (request: RegisteredRequest, now: Date, windowDays: number): AnsweredRequest => {
  notClosed(request);
  if (request.status !== 'answered' || !request.answeredAt || !request.agencyCode) {
    throw new DomainError('REQUEST_NOT_ANSWERED', `request ${request.trackingCode} has no answer to judge`);
  }
  if (request.verdict?.answeredAt === request.answeredAt) {
    throw new DomainError(
      'VERDICT_ALREADY_GIVEN',
      `the citizen already gave a verdict on the answer to ${request.trackingCode}`,
    );
  }
  if (now.getTime() > verdictWindowEndsAt(request.answeredAt, windowDays).getTime()) {
    throw new DomainError(
      'VERDICT_WINDOW_ENDED',
      `the ${windowDays}-day window to judge the answer to ${request.trackingCode} has ended`,
    );
  }
  return request as AnsweredRequest;
};

export const rateAnswer = ({ data }: RateAnswer, state: RequestState): RequestEvent[] => {
  if (
    typeof data.rating !== 'number' ||
    !Number.isInteger(data.rating) ||
    data.rating < minimumRating ||
    data.rating > maximumRating
  ) {
    throw new DomainError(
      'INVALID_VALUE',
      `must be a whole number ${minimumRating}–${maximumRating}`,
      'rating',
    );
  }
  const comment = optionalText(data.comment, true, 'comment');
  const givenBy = oneOf(data.givenBy, verdictChannels, 'givenBy');
  const windowDays = windowDaysOf(data.windowDays);
  const at = isoDate(data.now, 'now');
  const request = awaitingVerdict(registered(state, data.trackingCode), data.now, windowDays);
  const { trackingCode, agencyCode, answeredAt } = request;
  return [
    {
      type: 'AnswerRated',
      data: definedOnly({ trackingCode, agencyCode, answeredAt, rating: data.rating, comment, givenBy, at }),
    },
  ];
};

/** Reopens to the agency that answered; the second objection on a request also escalates it to level 2. */
export const objectToAnswer = ({ data }: ObjectToAnswer, state: RequestState): RequestEvent[] => {
  const reason = optionalText(data.reason, true, 'reason');
  const givenBy = oneOf(data.givenBy, verdictChannels, 'givenBy');
  const windowDays = windowDaysOf(data.windowDays);
  const dueAt = isoDate(data.dueAt, 'dueAt');
  const at = isoDate(data.now, 'now');
  if (data.dueAt.getTime() <= data.now.getTime()) {
    throw new DomainError('DUE_DATE_NOT_IN_FUTURE', 'the due date must be after now', 'dueAt');
  }
  const request = awaitingVerdict(registered(state, data.trackingCode), data.now, windowDays);
  const { trackingCode, agencyCode, answeredAt } = request;
  const objection = (request.objections ?? 0) + 1;
  return [
    {
      type: 'AnswerObjected',
      data: definedOnly({ trackingCode, agencyCode, answeredAt, objection, reason, dueAt, givenBy, at }),
    },
    ...(objection >= 2
      ? [
          {
            type: 'RequestEscalated' as const,
            data: { trackingCode, agencyCode, level: 2 as const, dueAt, at },
          },
        ]
      : []),
  ];
};
