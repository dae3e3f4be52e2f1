import {
  stateFromEvents,
  trackingCodeFromNumber,
  type RegisteredRequest,
  type RequestEvent,
} from '@samad/request-lifecycle';
import { provesOwnership, trackedView } from './track-request.view';

const code = trackingCodeFromNumber(4242);
const citizens = [
  { nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' },
  { nationalCode: '1234567891', fullName: 'علی رضایی', mobile: '09359876543' },
];
const registered: RequestEvent = {
  type: 'RequestRegistered',
  data: {
    trackingCode: code,
    kind: 'complaint',
    channel: 'phone',
    collective: true,
    citizens,
    countyCode: 'MIN',
    categoryCode: 'WAT-CUT',
    description: 'قطعی آب',
    registeredAt: '2024-10-15T05:30:00.000Z',
    registeredBy: 'operator-17',
  },
};
const routed: RequestEvent = {
  type: 'RequestRoutedToAgency',
  data: {
    trackingCode: code,
    agencyCode: 'ABFA',
    dueAt: '2024-10-19T05:30:00.000Z',
    routedBy: 'rules',
    at: '2024-10-15T05:31:00.000Z',
  },
};
const answered: RequestEvent = {
  type: 'RequestAnswered',
  data: {
    trackingCode: code,
    agencyCode: 'ABFA',
    outcome: 'positive',
    text: 'آب وصل شد.',
    answeredAt: '2024-10-16T08:00:00.000Z',
  },
};
const stateOf = (...events: RequestEvent[]) => stateFromEvents(events) as RegisteredRequest;

describe('the citizen’s view of a request', () => {
  it('shows a registered request without agency, due date or answer', () => {
    const view = trackedView(stateOf(registered));
    expect(view).toEqual({
      trackingCode: code,
      trackingCodeFormatted: `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`,
      status: 'registered',
      statusFa: 'ثبت شده',
      kind: 'complaint',
      category: { code: 'WAT-CUT', nameFa: 'قطعی آب', nameEn: 'Water outage' },
      county: { code: 'MIN', nameFa: 'میناب', nameEn: 'Minab' },
      registeredAt: '2024-10-15T05:30:00.000Z',
      registeredAtJalali: expect.stringContaining('۱۴۰۳'),
      signatory: 1,
    });
  });

  it('names the agency, the due date and the answer once they exist, in Jalali too', () => {
    const view = trackedView(stateOf(registered, routed, answered));
    expect(view).toMatchObject({
      status: 'answered',
      agency: { code: 'ABFA', nameEn: 'Provincial Water and Wastewater Company' },
      dueAt: '2024-10-19T05:30:00.000Z',
      dueAtJalali: expect.stringContaining('۲۸ مهر ۱۴۰۳'),
      answer: {
        outcome: 'positive',
        text: 'آب وصل شد.',
        answeredAt: '2024-10-16T08:00:00.000Z',
        answeredAtJalali: expect.stringContaining('۲۵ مهر ۱۴۰۳'),
      },
    });
  });

  it('shows until when the citizen may rate or object, then the verdict given, never the comment', () => {
    const open = trackedView(stateOf(registered, routed, answered), 1, 7);
    expect(open.verdict).toEqual({
      openUntil: '2024-10-23T08:00:00.000Z',
      openUntilJalali: expect.stringContaining('۲ آبان ۱۴۰۳'),
    });
    const rated = {
      type: 'AnswerRated' as const,
      data: {
        trackingCode: code,
        agencyCode: 'ABFA',
        answeredAt: '2024-10-16T08:00:00.000Z',
        rating: 5,
        comment: 'ممنون از پیگیری',
        givenBy: 'citizen' as const,
        at: '2024-10-17T08:00:00.000Z',
      },
    };
    const shown = trackedView(stateOf(registered, routed, answered, rated), 1, 7);
    expect(shown.verdict).toEqual({ rating: 5 });
    expect(JSON.stringify(shown)).not.toContain('پیگیری');
  });

  it('never contains a national code, a name or a mobile number', () => {
    const shown = JSON.stringify(trackedView(stateOf(registered, routed, answered)));
    for (const citizen of citizens) {
      for (const secret of [
        citizen.nationalCode,
        citizen.fullName,
        citizen.mobile,
        citizen.mobile.slice(-4),
      ]) {
        expect(shown).not.toContain(secret);
      }
    }
  });

  it('on a collective request, takes only the named signatory’s own digits (Persian digits too)', () => {
    const request = stateOf(registered);
    expect(provesOwnership(request, '4567', '1')).toBe(1);
    expect(provesOwnership(request, '۶۵۴۳', '۲')).toBe(2);
    // Another signatory's digits, or none named: no proof, so more signatories are no easier to guess.
    expect(provesOwnership(request, '6543', '1')).toBeUndefined();
    expect(provesOwnership(request, '4567', '2')).toBeUndefined();
    expect(provesOwnership(request, '4567')).toBeUndefined();
    for (const wrong of ['3', '0', '01', 'x', '', '1.0']) {
      expect(provesOwnership(request, '4567', wrong)).toBeUndefined();
    }
    expect(provesOwnership(request, '4568', '1')).toBeUndefined();
    expect(provesOwnership(request, '567', '1')).toBeUndefined();
    expect(provesOwnership(request, '', '1')).toBeUndefined();
  });

  it('on an individual request, needs no signatory (or 1)', () => {
    const individual = stateOf({
      ...registered,
      data: { ...registered.data, collective: false, citizens: [citizens[0]] },
    } as RequestEvent);
    expect(provesOwnership(individual, '4567')).toBe(1);
    expect(provesOwnership(individual, '4567', '1')).toBe(1);
    expect(provesOwnership(individual, '4567', '2')).toBeUndefined();
    expect(provesOwnership(individual, '4568')).toBeUndefined();
    expect(trackedView(individual)).not.toHaveProperty('signatory');
  });

  it('is the proving signatory’s view: their number, nothing of the others', () => {
    const view = trackedView(stateOf(registered, routed), 2);
    expect(view.signatory).toBe(2);
    const shown = JSON.stringify(view);
    for (const secret of citizens.flatMap((c) => [c.nationalCode, c.fullName, c.mobile.slice(-4)])) {
      expect(shown).not.toContain(secret);
    }
  });
});
