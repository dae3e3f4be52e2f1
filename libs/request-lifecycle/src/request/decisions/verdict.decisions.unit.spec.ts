import { DomainError } from '../../shared/domain-error';
import type { ObjectToAnswer, RateAnswer } from '../request.commands';
import type { AnswerObjected, AnswerRated, RequestAnswered } from '../request.events';
import { stateFromEvents } from '../request.evolve';
import { AGENCY, history, spec, T, thrownWith, TRACKING_CODE } from '../test-support/request.fixtures';

const date = (iso: string) => new Date(iso);
const JUDGED_AT = '2024-10-18T06:00:00.000Z'; // two days after the answer
const REOPEN_DUE = '2024-10-25T06:00:00.000Z';

const rate = (data: Partial<RateAnswer['data']> = {}): RateAnswer => ({
  type: 'RateAnswer',
  data: {
    trackingCode: TRACKING_CODE,
    rating: 4,
    comment: 'سریع پاسخ دادند',
    windowDays: 7,
    givenBy: 'citizen',
    now: date(JUDGED_AT),
    ...data,
  },
});
const object = (data: Partial<ObjectToAnswer['data']> = {}): ObjectToAnswer => ({
  type: 'ObjectToAnswer',
  data: {
    trackingCode: TRACKING_CODE,
    reason: 'آب هنوز قطع است',
    dueAt: date(REOPEN_DUE),
    windowDays: 7,
    givenBy: 'operator',
    now: date(JUDGED_AT),
    ...data,
  },
});

const answerRated: AnswerRated = {
  type: 'AnswerRated',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    answeredAt: T.answered,
    rating: 4,
    comment: 'سریع پاسخ دادند',
    givenBy: 'citizen',
    at: JUDGED_AT,
  },
};
const objected = (objection: number, answeredAt: string = T.answered, at = JUDGED_AT): AnswerObjected => ({
  type: 'AnswerObjected',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    answeredAt,
    objection,
    reason: 'آب هنوز قطع است',
    dueAt: REOPEN_DUE,
    givenBy: 'operator',
    at,
  },
});
const SECOND_ANSWER = '2024-10-20T06:00:00.000Z';
const answeredAgain: RequestAnswered = {
  type: 'RequestAnswered',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    outcome: 'positive',
    text: 'لوله تعمیر شد',
    answeredAt: SECOND_ANSWER,
  },
};

describe('RateAnswer', () => {
  it('records the rating of the answer on record, with the comment', () => {
    spec(history.answered()).when(rate()).then(answerRated);
  });

  it('leaves the comment out when it is blank', () => {
    const { comment: _comment, ...data } = answerRated.data;
    spec(history.answered())
      .when(rate({ comment: '  ' }))
      .then({ ...answerRated, data });
  });

  it('refuses a rating outside 1–5 or not whole', () => {
    for (const rating of [0, 6, 3.5, Number.NaN]) {
      spec(history.answered())
        .when(rate({ rating }))
        .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'rating'));
    }
  });

  it('refuses before an answer, twice, after the window, and on a closed request', () => {
    spec(history.acknowledged()).when(rate()).thenThrows(DomainError, thrownWith('REQUEST_NOT_ANSWERED'));
    spec([...history.answered(), answerRated])
      .when(rate())
      .thenThrows(DomainError, thrownWith('VERDICT_ALREADY_GIVEN'));
    spec(history.answered())
      .when(rate({ now: date('2024-10-23T06:00:01Z') }))
      .thenThrows(DomainError, thrownWith('VERDICT_WINDOW_ENDED'));
    spec(history.closed()).when(rate()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
  });

  it('accepts the last moment of the window', () => {
    spec(history.answered())
      .when(rate({ now: date('2024-10-23T06:00:00Z') }))
      .then({ ...answerRated, data: { ...answerRated.data, at: '2024-10-23T06:00:00.000Z' } });
  });
});

describe('ObjectToAnswer', () => {
  it('reopens the request to the agency that answered, with a new deadline', () => {
    spec(history.answered()).when(object()).then(objected(1));
    const state = stateFromEvents([...history.answered(), objected(1)]);
    expect(state).toMatchObject({
      status: 'routed',
      agencyCode: AGENCY,
      dueAt: REOPEN_DUE,
      deadline: { startedAt: JUDGED_AT },
      objections: 1,
    });
  });

  it('escalates to the inspection office (level 2) on the second objection', () => {
    const objectedAgainAt = '2024-10-21T06:00:00.000Z';
    spec([...history.answered(), objected(1), answeredAgain])
      .when(object({ now: date(objectedAgainAt) }))
      .then([
        objected(2, SECOND_ANSWER, objectedAgainAt),
        {
          type: 'RequestEscalated',
          data: {
            trackingCode: TRACKING_CODE,
            agencyCode: AGENCY,
            level: 2,
            dueAt: REOPEN_DUE,
            at: objectedAgainAt,
          },
        },
      ]);
  });

  it('allows a verdict on a new answer after a reopen', () => {
    spec([...history.answered(), objected(1), answeredAgain])
      .when(rate({ now: date('2024-10-21T06:00:00Z') }))
      .then({
        ...answerRated,
        data: { ...answerRated.data, answeredAt: SECOND_ANSWER, at: '2024-10-21T06:00:00.000Z' },
      });
  });

  it('refuses while reopened, after a rating, after the window, and a due time not in the future', () => {
    spec([...history.answered(), objected(1)])
      .when(object())
      .thenThrows(DomainError, thrownWith('REQUEST_NOT_ANSWERED'));
    spec([...history.answered(), answerRated])
      .when(object())
      .thenThrows(DomainError, thrownWith('VERDICT_ALREADY_GIVEN'));
    spec(history.answered())
      .when(object({ now: date('2024-10-24T06:00:00Z'), dueAt: date('2024-10-30T06:00:00Z') }))
      .thenThrows(DomainError, thrownWith('VERDICT_WINDOW_ENDED'));
    spec(history.answered())
      .when(object({ dueAt: date(JUDGED_AT) }))
      .thenThrows(DomainError, thrownWith('DUE_DATE_NOT_IN_FUTURE', 'dueAt'));
  });
});
