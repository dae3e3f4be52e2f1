import { IntegrationEventTypes } from './event-types';
import { validateIntegrationEvent } from './integration-event.validator';
import { sampleOf, sampleV1Of } from './test-support/sample-integration-events';

// Issue #5: an erased citizen travels as `{ erased: true, ... null }`, and nothing in between is accepted.
const erased = { erased: true, nationalCode: null, fullName: null, mobile: null };

describe('contracts for erased personal data', () => {
  const registered = sampleV1Of(IntegrationEventTypes.requestRegistered);
  const withCitizens = (citizens: unknown[]) => ({ ...registered, data: { ...registered.data, citizens } });

  it('accepts a registration whose citizen (or one of several) is erased', () => {
    expect(validateIntegrationEvent(withCitizens([erased])).ok).toBe(true);
    expect(validateIntegrationEvent(withCitizens([registered.data.citizens[0], erased])).ok).toBe(true);
  });

  it('refuses a half-erased citizen, or a missing field dressed as erased', () => {
    for (const citizen of [
      { ...erased, mobile: '09171234567' },
      { ...registered.data.citizens[0], erased: true },
      { nationalCode: null, fullName: null, mobile: null },
      { ...erased, erased: false },
    ]) {
      expect(validateIntegrationEvent(withCitizens([citizen]))).toMatchObject({
        ok: false,
        code: 'invalid_event_data',
      });
    }
  });

  it('publishes the erasure fact with the request and the citizen’s place only', () => {
    const fact = sampleOf(IntegrationEventTypes.requestPersonalDataErased);
    expect(validateIntegrationEvent(fact).ok).toBe(true);
    for (const citizenIndex of [-1, 1.5, '0']) {
      expect(validateIntegrationEvent({ ...fact, data: { ...fact.data, citizenIndex } }).ok).toBe(false);
    }
  });

  describe('agency topics (v1, still accepted and lifted)', () => {
    const assigned = sampleV1Of(IntegrationEventTypes.agencyRequestAssigned);
    const withContacts = (citizens: unknown[]) => ({ ...assigned, data: { ...assigned.data, citizens } });
    const erasedContact = { erased: true, fullName: null, mobile: null };

    it('accept an erased contact next to a present one', () => {
      expect(validateIntegrationEvent(withContacts([erasedContact])).ok).toBe(true);
      expect(validateIntegrationEvent(withContacts([assigned.data.citizens[0], erasedContact])).ok).toBe(
        true,
      );
    });

    it('refuse an erased contact that still carries a name or mobile, and a national code in any form', () => {
      for (const contact of [
        { ...erasedContact, fullName: 'زهرا کریمی' },
        { ...assigned.data.citizens[0], erased: true },
        { ...erasedContact, nationalCode: null },
      ]) {
        expect(validateIntegrationEvent(withContacts([contact])).ok).toBe(false);
      }
    });

    it('carry the personal_data_erased update', () => {
      const updated = sampleOf(IntegrationEventTypes.agencyRequestUpdated);
      const { followUp: _followUp, ...data } = updated.data;
      expect(
        validateIntegrationEvent({ ...updated, data: { ...data, change: 'personal_data_erased' } }).ok,
      ).toBe(true);
    });
  });
});
