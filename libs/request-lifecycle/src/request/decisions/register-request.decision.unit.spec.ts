import { DomainError } from '../../shared/domain-error';
import { isErasedCitizen, isMobileOnlyCitizen, type RequestRegistered } from '../request.events';
import { decide } from '../request.decider';
import { initialState } from '../request.evolve';
import {
  citizenAli,
  citizenZahra,
  commands,
  events,
  history,
  spec,
  thrownWith,
  T,
} from '../test-support/request.fixtures';

describe('RegisterRequest', () => {
  describe('accepted', () => {
    it('registers a new request', () => {
      spec([]).when(commands.registerRequest()).then(events.requestRegistered());
    });

    it('stores what the operator typed in canonical form', () => {
      spec([])
        .when(
          commands.registerRequest({
            citizens: [
              { nationalCode: '۰۴۹-۹۳۷۰۸۹-۹', fullName: '  زهرا   كريمي ', mobile: '+98 917 123 4567' },
            ],
            description: '  قطعی آب در محله‌ی ما   از سه روز پیش ',
            countyCode: ' minab ',
          }),
        )
        .then(events.requestRegistered());
    });

    it('registers a collective request with several citizens', () => {
      spec([])
        .when(
          commands.registerRequest({
            collective: true,
            citizens: [citizenZahra, citizenAli],
            kind: 'demand',
          }),
        )
        .then(
          events.requestRegistered({
            collective: true,
            citizens: [citizenZahra, citizenAli],
            kind: 'demand',
          }),
        );
    });

    it('accepts a trip letter', () => {
      spec([])
        .when(commands.registerRequest({ channel: 'trip_letter', registeredBy: 'trip-desk-412' }))
        .then(events.requestRegistered({ channel: 'trip_letter', registeredBy: 'trip-desk-412' }));
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing when the same registration is retried later', () => {
      spec(history.registered())
        .when(commands.registerRequest({ now: new Date('2024-10-15T05:31:00Z') }))
        .thenNothingHappened();
    });

    it('does nothing for a retry typed differently but equal once normalised', () => {
      spec(history.routed())
        .when(commands.registerRequest({ citizens: [{ ...citizenZahra, mobile: '00989171234567' }] }))
        .thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses a different registration under an existing tracking code', () => {
      spec(history.registered())
        .when(commands.registerRequest({ description: 'درخواست دیگری' }))
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_REGISTERED'));
    });

    it('refuses anything on a closed request, even a retry', () => {
      spec(history.closed())
        .when(commands.registerRequest())
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    });

    it.each([
      [
        'a tracking code with a wrong check digit',
        { trackingCode: '1000000160' },
        'INVALID_TRACKING_CODE',
        'trackingCode',
      ],
      [
        'an invalid national code',
        { citizens: [{ ...citizenZahra, nationalCode: '0499370898' }] },
        'INVALID_NATIONAL_CODE',
        'citizens[0].nationalCode',
      ],
      [
        'a landline instead of a mobile',
        { citizens: [{ ...citizenZahra, mobile: '07633331111' }] },
        'INVALID_MOBILE',
        'citizens[0].mobile',
      ],
      [
        'a blank name',
        { citizens: [{ ...citizenZahra, fullName: ' \u200c ' }] },
        'VALUE_REQUIRED',
        'citizens[0].fullName',
      ],
      ['no citizen', { citizens: [] }, 'VALUE_REQUIRED', 'citizens'],
      [
        'an individual request with two citizens',
        { citizens: [citizenZahra, citizenAli] },
        'INVALID_VALUE',
        'citizens',
      ],
      ['a collective request with one citizen', { collective: true }, 'INVALID_VALUE', 'citizens'],
      [
        'the same citizen twice',
        {
          collective: true,
          citizens: [citizenZahra, { ...citizenAli, nationalCode: citizenZahra.nationalCode }],
        },
        'INVALID_VALUE',
        'citizens[1].nationalCode',
      ],
      ['an empty description', { description: '   ' }, 'VALUE_REQUIRED', 'description'],
      ['an unknown kind', { kind: 'praise' as never }, 'INVALID_VALUE', 'kind'],
      ['an unknown channel', { channel: 'fax' as never }, 'INVALID_VALUE', 'channel'],
      ['a missing county', { countyCode: '' }, 'VALUE_REQUIRED', 'countyCode'],
      ['an invalid clock', { now: new Date(Number.NaN) }, 'INVALID_VALUE', 'now'],
    ] as const)('refuses %s', (_case, data, code, field) => {
      spec([])
        .when(commands.registerRequest(data as never))
        .thenThrows(DomainError, thrownWith(code, field));
    });
  });

  describe('a citizen without a national code (ADR 39)', () => {
    const byMobile = { fullName: 'زهرا کریمی', mobile: '۰۹۱۷ ۱۲۳ ۴۵۶۷' };
    const registeredByMobile = { nationalCode: null, fullName: 'زهرا کریمی', mobile: '09171234567' };

    it.each([
      ['absent', byMobile],
      ['null', { ...byMobile, nationalCode: null }],
      ['blank', { ...byMobile, nationalCode: '  ' }],
    ])('registers an online filing against the mobile when the national code is %s', (_case, citizen) => {
      spec([])
        .when(commands.registerRequest({ channel: 'web', registeredBy: 'open311:app', citizens: [citizen] }))
        .then(
          events.requestRegistered({
            channel: 'web',
            registeredBy: 'open311:app',
            citizens: [registeredByMobile],
          }),
        );
    });

    it('still takes a national code online when the citizen gives one', () => {
      spec([])
        .when(commands.registerRequest({ channel: 'web', registeredBy: 'open311:app' }))
        .then(events.requestRegistered({ channel: 'web', registeredBy: 'open311:app' }));
    });

    it('reads as present, not erased: it keeps a name and a mobile', () => {
      const [registered] = decide(
        commands.registerRequest({ channel: 'web', citizens: [byMobile] }),
        initialState(),
      ) as [RequestRegistered];
      const [citizen] = registered.data.citizens;
      expect(isErasedCitizen(citizen)).toBe(false);
      expect(isMobileOnlyCitizen(citizen)).toBe(true);
      expect(JSON.parse(JSON.stringify(citizen))).toEqual(registeredByMobile);
    });

    it('is a retry, not a new registration, when the same online filing comes again', () => {
      spec([events.requestRegistered({ channel: 'web', citizens: [registeredByMobile] })])
        .when(commands.registerRequest({ channel: 'web', citizens: [byMobile] }))
        .thenNothingHappened();
    });

    it('is another registration when a national code is added to a mobile-only filing', () => {
      spec([events.requestRegistered({ channel: 'web', citizens: [registeredByMobile] })])
        .when(commands.registerRequest({ channel: 'web' }))
        .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_REGISTERED'));
    });

    it.each(['phone', 'desk', 'trip_letter'] as const)(
      'keeps requiring the national code on channel %s',
      (channel) => {
        spec([])
          .when(commands.registerRequest({ channel, citizens: [byMobile] }))
          .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'citizens[0].nationalCode'));
      },
    );

    it('requires a valid mobile, the only identifier left', () => {
      spec([])
        .when(
          commands.registerRequest({ channel: 'web', citizens: [{ ...byMobile, mobile: '07633331111' }] }),
        )
        .thenThrows(DomainError, thrownWith('INVALID_MOBILE', 'citizens[0].mobile'));
    });

    it('refuses an invalid national code online: absent is allowed, wrong is not', () => {
      spec([])
        .when(
          commands.registerRequest({
            channel: 'web',
            citizens: [{ ...byMobile, nationalCode: '0499370898' }],
          }),
        )
        .thenThrows(DomainError, thrownWith('INVALID_NATIONAL_CODE', 'citizens[0].nationalCode'));
    });

    it('refuses the same mobile twice among mobile-only citizens', () => {
      spec([])
        .when(
          commands.registerRequest({
            channel: 'web',
            collective: true,
            citizens: [byMobile, { ...byMobile, fullName: 'علی رئیسی' }],
          }),
        )
        .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'citizens[1].mobile'));
    });
  });

  it('keeps the registration time from the command clock', () => {
    const now = new Date(T.registered);
    spec([])
      .when(commands.registerRequest({ now }))
      .then(events.requestRegistered({ registeredAt: now.toISOString() }));
  });
});
