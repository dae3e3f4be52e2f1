import type { RequestEvent } from './request.events';
import { evolve, initialState, stateFromEvents } from './request.evolve';
import {
  AGENCY,
  citizenZahra,
  events,
  history,
  OTHER_AGENCY,
  T,
  TRACKING_CODE,
} from './test-support/request.fixtures';

describe('evolve', () => {
  it('starts from a stream with no events', () => {
    expect(initialState()).toEqual({ status: 'not_registered' });
  });

  it('rebuilds the whole story of an answered and closed request', () => {
    const story = [
      ...history.referred(),
      events.followUpRecorded(),
      events.requestAnswered(),
      events.requestClosed(),
    ];
    expect(stateFromEvents(story)).toEqual({
      status: 'closed',
      trackingCode: TRACKING_CODE,
      kind: 'complaint',
      channel: 'phone',
      collective: false,
      citizens: [citizenZahra],
      countyCode: 'minab',
      categoryCode: 'water',
      description: 'قطعی آب در محله‌ی ما از سه روز پیش',
      registeredAt: T.registered,
      registeredBy: 'operator-17',
      priority: 'normal',
      agencyCode: AGENCY,
      dueAt: T.due,
      deadline: { startedAt: T.routed },
      routedBy: 'rules',
      ruleId: 'water-minab',
      routedAt: T.routed,
      acknowledgedAt: T.acknowledged,
      referral: { unit: 'اداره آب میناب', note: 'بررسی میدانی', at: T.referred },
      returnedBy: [],
      answer: { agencyCode: AGENCY, outcome: 'positive', text: 'لوله اصلی ترمیم و آب وصل شد.' },
      answeredAt: T.answered,
      followUpCount: 1,
      lastFollowUp: { note: 'شهروند تماس گرفت و پیگیری کرد', channel: 'phone', at: T.followedUp },
      closure: { reason: 'answered', at: T.closed },
    });
  });

  it('remembers every agency that returned the request and clears the holder and its clock', () => {
    const state = stateFromEvents([
      ...history.returned(),
      events.requestRoutedToAgency({ agencyCode: OTHER_AGENCY, at: T.rerouted, ruleId: 'fallback' }),
      events.requestReturnedAsNotResponsible({ agencyCode: OTHER_AGENCY, reason: 'نه', at: T.followedUp }),
    ]);
    expect(state).toMatchObject({
      status: 'returned',
      returnedBy: [AGENCY, OTHER_AGENCY],
      lastReturn: { agencyCode: OTHER_AGENCY, reason: 'نه', at: T.followedUp },
    });
    expect(state).not.toHaveProperty('agencyCode');
    expect(state).not.toHaveProperty('dueAt');
    expect(state).not.toHaveProperty('acknowledgedAt');
  });

  it('lists a returning agency once even if a supervisor sent it back and it returned again', () => {
    const state = stateFromEvents([
      ...history.returned(),
      events.requestRoutedToAgency({ routedBy: 'supervisor', ruleId: undefined, at: T.rerouted }),
      events.requestReturnedAsNotResponsible({ at: T.followedUp }),
    ]);
    expect(state).toMatchObject({ returnedBy: [AGENCY] });
  });

  it('treats a referral straight from the inbox as the acknowledgement', () => {
    const state = stateFromEvents([...history.routed(), events.requestReferredInsideAgency()]);
    expect(state).toMatchObject({ status: 'referred', acknowledgedAt: T.referred });
  });

  it('gives the same state after a JSON round trip through the store', () => {
    const story = [...history.returned(), events.requestAwaitingManualRouting({ at: T.rerouted })];
    const stored = JSON.parse(JSON.stringify(story)) as RequestEvent[];
    expect(stateFromEvents(stored)).toEqual(stateFromEvents(story));
  });

  describe('is total', () => {
    it('ignores facts about a request that was never registered', () => {
      expect(stateFromEvents([events.requestAcknowledged(), events.requestClosed()])).toEqual(initialState());
    });

    it('ignores a second registration', () => {
      const state = stateFromEvents(history.routed());
      expect(evolve(state, events.requestRegistered({ description: 'other' }))).toBe(state);
    });

    it('ignores an event type it does not know', () => {
      const state = stateFromEvents(history.routed());
      // As a stored event of a newer or foreign writer reads back: JSON, typed only by where it came from.
      const foreign = JSON.parse('{"type":"RequestTeleported","data":{}}') as RequestEvent;
      expect(evolve(state, foreign)).toBe(state);
    });
  });
});
