import { DomainError } from '../../shared/domain-error';
import type { AbsorbDuplicate, AddSignatory, LinkToMatter, MergeAsDuplicate } from '../request.commands';
import type { RequestEvent } from '../request.events';
import { stateFromEvents } from '../request.evolve';
import type { RegisteredRequest } from '../request.state';
import {
  AGENCY,
  citizenAli,
  citizenZahra,
  events,
  history,
  OTHER_TRACKING_CODE,
  spec,
  T,
  thrownWith,
  TRACKING_CODE,
} from '../test-support/request.fixtures';

// Issue 11 items 1–3 (ADR 27): merges, collective matters and signatories that join later.

const at = '2024-10-17T06:00:00.000Z';
const now = new Date(at);
const SUPERVISOR = 'supervisor-3';
const MATTER = '6a1f3a52-6a0f-4b4e-9c57-2ef5d2a3c0de';
const citizenReza = { nationalCode: '0010350829', fullName: 'رضا موسوی', mobile: '09123334455' };

const merge = (data: Partial<MergeAsDuplicate['data']> = {}): MergeAsDuplicate => ({
  type: 'MergeAsDuplicate',
  data: {
    trackingCode: TRACKING_CODE,
    now,
    survivorCode: OTHER_TRACKING_CODE,
    mergedBy: SUPERVISOR,
    ...data,
  },
});
const absorb = (data: Partial<AbsorbDuplicate['data']> = {}): AbsorbDuplicate => ({
  type: 'AbsorbDuplicate',
  data: {
    trackingCode: TRACKING_CODE,
    now,
    absorbedCode: OTHER_TRACKING_CODE,
    mergedBy: SUPERVISOR,
    ...data,
  },
});
const link = (data: Partial<LinkToMatter['data']> = {}): LinkToMatter => ({
  type: 'LinkToMatter',
  data: { trackingCode: TRACKING_CODE, now, matterId: MATTER, linkedBy: SUPERVISOR, ...data },
});
const sign = (data: Partial<AddSignatory['data']> = {}): AddSignatory => ({
  type: 'AddSignatory',
  data: { trackingCode: TRACKING_CODE, now, citizen: citizenReza, addedBy: 'operator-17', ...data },
});

const merged: RequestEvent = {
  type: 'MergedAsDuplicate',
  data: { trackingCode: TRACKING_CODE, survivorCode: OTHER_TRACKING_CODE, mergedBy: SUPERVISOR, at },
};
const absorbed: RequestEvent = {
  type: 'DuplicateAbsorbed',
  data: { trackingCode: TRACKING_CODE, absorbedCode: OTHER_TRACKING_CODE, mergedBy: SUPERVISOR, at },
};
const linked: RequestEvent = {
  type: 'LinkedToMatter',
  data: { trackingCode: TRACKING_CODE, matterId: MATTER, linkedBy: SUPERVISOR, at },
};
const collective = () => [
  events.requestRegistered({ collective: true, citizens: [citizenZahra, citizenAli] }),
];
const signed: RequestEvent = {
  type: 'SignatoryAdded',
  data: { trackingCode: TRACKING_CODE, signatoryIndex: 2, citizen: citizenReza, addedBy: 'operator-17', at },
};

describe('MergeAsDuplicate', () => {
  it('closes an open request as a duplicate of the survivor', () => {
    spec(history.acknowledged()).when(merge()).then(merged);
  });

  it('leaves the request closed, pointing at the survivor', () => {
    const state = stateFromEvents([...history.acknowledged(), merged]) as RegisteredRequest;
    expect(state.status).toBe('closed');
    expect(state.closure).toEqual({ reason: 'duplicate', duplicateOf: OTHER_TRACKING_CODE, at });
  });

  it('does nothing when the same merge is repeated', () => {
    spec([...history.acknowledged(), merged])
      .when(merge())
      .thenNothingHappened();
  });

  it('refuses a request already closed otherwise', () => {
    spec(history.closed()).when(merge()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
  });

  it('refuses a request as its own duplicate', () => {
    spec(history.registered())
      .when(merge({ survivorCode: TRACKING_CODE }))
      .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'survivorCode'));
  });

  it('refuses a malformed survivor code', () => {
    spec(history.registered())
      .when(merge({ survivorCode: '1234567890' }))
      .thenThrows(DomainError, (e) => e.field === 'survivorCode');
  });
});

describe('AbsorbDuplicate', () => {
  it('records the absorbed code on an open survivor', () => {
    spec(history.routed()).when(absorb()).then(absorbed);
    const state = stateFromEvents([...history.routed(), absorbed]) as RegisteredRequest;
    expect(state.absorbed).toEqual([OTHER_TRACKING_CODE]);
    expect(state.status).toBe('routed');
  });

  it('does nothing the second time', () => {
    spec([...history.routed(), absorbed])
      .when(absorb())
      .thenNothingHappened();
  });

  it('refuses a closed survivor: nobody could follow it', () => {
    spec(history.closed()).when(absorb()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
  });

  it('refuses to absorb itself', () => {
    spec(history.routed())
      .when(absorb({ absorbedCode: TRACKING_CODE }))
      .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'absorbedCode'));
  });
});

describe('LinkToMatter', () => {
  it('links an open request to a matter', () => {
    spec(history.acknowledged()).when(link()).then(linked);
    expect((stateFromEvents([...history.acknowledged(), linked]) as RegisteredRequest).matterId).toBe(MATTER);
  });

  it('does nothing when linked to the same matter again', () => {
    spec([...history.acknowledged(), linked])
      .when(link())
      .thenNothingHappened();
  });

  it('refuses a second matter', () => {
    spec([...history.acknowledged(), linked])
      .when(link({ matterId: 'another-matter' }))
      .thenThrows(DomainError, thrownWith('ALREADY_IN_MATTER'));
  });

  it('refuses an answered request: the matter would answer it twice', () => {
    spec(history.answered()).when(link()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
  });

  it('refuses a closed request', () => {
    spec(history.closed()).when(link()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
  });

  it('refuses a matter id that is not a plain identifier', () => {
    spec(history.registered())
      .when(link({ matterId: 'a b/c' }))
      .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'matterId'));
  });

  it('still lets the holding agency answer a linked request', () => {
    spec([...history.acknowledged(), linked])
      .when({
        type: 'Answer',
        data: {
          trackingCode: TRACKING_CODE,
          now: new Date(T.answered),
          agencyCode: AGENCY,
          outcome: 'positive',
          text: 'وصل شد',
        },
      })
      .then(events.requestAnswered({ outcome: 'positive', text: 'وصل شد', answeredAt: T.answered }));
  });
});

describe('AddSignatory', () => {
  it('adds a signatory at the next place of an open collective request', () => {
    spec(collective()).when(sign()).then(signed);
  });

  it('normalises the national code and mobile like a registration does', () => {
    spec(collective())
      .when(
        sign({
          citizen: { nationalCode: '۰۰۱-۰۳۵۰۸۲۹', fullName: ' رضا  موسوی ', mobile: '+98 912 333 4455' },
        }),
      )
      .then(signed);
  });

  it('gives the signatory a place among the citizens, so their digits prove it', () => {
    const state = stateFromEvents([...collective(), signed]) as RegisteredRequest;
    expect(state.citizens).toEqual([citizenZahra, citizenAli, citizenReza]);
  });

  it('does nothing when the same signature is given again', () => {
    spec([...collective(), signed])
      .when(sign())
      .thenNothingHappened();
  });

  it('refuses a national code that already signed with other details', () => {
    spec(collective())
      .when(sign({ citizen: { ...citizenAli, mobile: '09120000000' } }))
      .thenThrows(DomainError, thrownWith('ALREADY_SIGNED', 'citizen.nationalCode'));
  });

  it('refuses an individual request', () => {
    spec(history.registered()).when(sign()).thenThrows(DomainError, thrownWith('NOT_COLLECTIVE'));
  });

  it('refuses a closed request', () => {
    spec([...collective(), events.requestClosed({ reason: 'withdrawn' })])
      .when(sign())
      .thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
  });

  it.each([
    ['nationalCode', { ...citizenReza, nationalCode: '0010350820' }, 'citizen.nationalCode'],
    ['mobile', { ...citizenReza, mobile: '0212345678' }, 'citizen.mobile'],
    ['fullName', { ...citizenReza, fullName: '  ' }, 'citizen.fullName'],
  ])('refuses an invalid %s', (_field, citizen, field) => {
    spec(collective())
      .when(sign({ citizen }))
      .thenThrows(DomainError, (e) => e.field === field);
  });

  it('ignores a signatory fact that is not at the next place (a corrupt stream)', () => {
    const wrongPlace = { ...signed, data: { ...signed.data, signatoryIndex: 5 } } as RequestEvent;
    expect((stateFromEvents([...collective(), wrongPlace]) as RegisteredRequest).citizens).toHaveLength(2);
  });
});
