import { validateIntegrationEvent } from '@samad/events';
import { DomainError } from '../../shared/domain-error';
import { toAgencyMessages } from '../request-agency-messages.mapper';
import { toIntegrationEnvelope } from '../request-integration.mapper';
import { erasedCitizen, type RequestEvent } from '../request.events';
import { stateFromEvents } from '../request.evolve';
import type { RegisteredRequest } from '../request.state';
import {
  AGENCY,
  citizenAli,
  citizenZahra,
  commands,
  events,
  history,
  OTHER_AGENCY,
  spec,
  T,
  thrownWith,
} from '../test-support/request.fixtures';

const collective = (): RequestEvent[] => [
  events.requestRegistered({ collective: true, citizens: [citizenZahra, citizenAli] }),
  events.requestRoutedToAgency(),
];

describe('ErasePersonalData', () => {
  describe('accepted', () => {
    it('records the erasure of a citizen of a registered request', () => {
      spec(history.routed()).when(commands.erasePersonalData()).then(events.personalDataErased());
    });

    it('records it whatever the status, a closed request included (erasure is a legal duty)', () => {
      spec(history.closed()).when(commands.erasePersonalData()).then(events.personalDataErased());
    });

    it('erases one signatory of a collective request and leaves the other', () => {
      spec(collective())
        .when(commands.erasePersonalData({ citizenIndex: 1 }))
        .then(events.personalDataErased({ citizenIndex: 1 }));
    });
  });

  describe('idempotent repeat', () => {
    it('does nothing when the citizen’s erasure is already recorded', () => {
      spec([...history.answered(), events.personalDataErased()])
        .when(commands.erasePersonalData({ now: new Date('2025-02-01T00:00:00Z') }))
        .thenNothingHappened();
    });
  });

  describe('refused', () => {
    it('refuses a request that does not exist', () => {
      spec([])
        .when(commands.erasePersonalData())
        .thenThrows(DomainError, thrownWith('REQUEST_NOT_FOUND', 'trackingCode'));
    });

    it('refuses a citizen the registration does not have', () => {
      for (const citizenIndex of [1, -1, 0.5]) {
        spec(history.registered())
          .when(commands.erasePersonalData({ citizenIndex }))
          .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'citizenIndex'));
      }
    });
  });
});

describe('evolving a personal-data erasure', () => {
  it('reads the citizen as erased and keeps every other fact of the request', () => {
    const before = stateFromEvents(history.answered()) as RegisteredRequest;
    const after = stateFromEvents([...history.answered(), events.personalDataErased()]) as RegisteredRequest;
    expect(after.citizens).toEqual([erasedCitizen]);
    expect(after.erasedCitizens).toEqual([0]);
    const { citizens: _a, erasedCitizens: _b, ...rest } = after;
    const { citizens: _c, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('erases only the named signatory', () => {
    const state = stateFromEvents([
      ...collective(),
      events.personalDataErased({ citizenIndex: 1 }),
    ]) as RegisteredRequest;
    expect(state.citizens).toEqual([citizenZahra, erasedCitizen]);
  });

  it('ignores an erasure naming a citizen the registration does not have', () => {
    const before = stateFromEvents(history.routed());
    expect(stateFromEvents([...history.routed(), events.personalDataErased({ citizenIndex: 3 })])).toEqual(
      before,
    );
  });
});

describe('personal-data erasure on the agency topics and the request topic', () => {
  const recorded = { eventId: 'evt-9', streamRevision: 9n, position: 99n, recordedAt: new Date(T.erased) };

  it('publishes a valid samad.request.personal-data-erased naming only the request and the citizen’s place', () => {
    const envelope = toIntegrationEnvelope(events.personalDataErased(), recorded);
    expect(validateIntegrationEvent(envelope)).toMatchObject({ ok: true });
    expect(envelope.data).toEqual({
      trackingCode: events.personalDataErased().data.trackingCode,
      citizenIndex: 0,
      at: T.erased,
    });
  });

  it('tells the holding agency and every agency that returned it to drop the contact', () => {
    const given = [
      ...history.returned(),
      events.requestRoutedToAgency({ agencyCode: OTHER_AGENCY, at: T.rerouted, dueAt: T.rerouteDue }),
    ];
    const messages = toAgencyMessages(stateFromEvents(given), events.personalDataErased());
    expect(messages.map((m) => [m.agencyCode, m.eventType])).toEqual([
      [AGENCY, 'samad.agency.request-updated'],
      [OTHER_AGENCY, 'samad.agency.request-updated'],
    ]);
    expect(messages.map((m) => m.data)).toEqual([
      expect.objectContaining({ agencyCode: AGENCY, change: 'personal_data_erased', status: 'routed' }),
      expect.objectContaining({
        agencyCode: OTHER_AGENCY,
        change: 'personal_data_erased',
        dueAt: T.rerouteDue,
      }),
    ]);
    expect(messages[0].data).not.toHaveProperty('dueAt');
    for (const message of messages) {
      const envelope = { ...toIntegrationEnvelope(events.personalDataErased(), recorded), ...message };
      expect(validateIntegrationEvent(envelope)).toMatchObject({ ok: true });
    }
  });

  it('tells no agency when none was ever given the contact', () => {
    expect(toAgencyMessages(stateFromEvents(history.registered()), events.personalDataErased())).toEqual([]);
  });

  it('assigns a request routed after the erasure without any contact data', () => {
    const given = [...history.registered(), events.personalDataErased()];
    const [message] = toAgencyMessages(stateFromEvents(given), events.requestRoutedToAgency());
    expect(message.data).toMatchObject({ citizenCount: 1 });
    const envelope = { ...toIntegrationEnvelope(events.requestRoutedToAgency(), recorded), ...message };
    expect(validateIntegrationEvent(envelope)).toMatchObject({ ok: true });
    expect(JSON.stringify(message)).not.toMatch(
      new RegExp(`${citizenZahra.mobile}|${citizenZahra.fullName}`),
    );
  });
});
