import { DomainError } from '../../shared/domain-error';
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

  it('keeps the registration time from the command clock', () => {
    const now = new Date(T.registered);
    spec([])
      .when(commands.registerRequest({ now }))
      .then(events.requestRegistered({ registeredAt: now.toISOString() }));
  });
});
