import { IntegrationEventTypes } from './event-types';
import { validateIntegrationEvent } from './integration-event.validator';
import { sampleV1Of } from './test-support/sample-integration-events';

// ADR 39: a citizen who filed online without a national code travels with `nationalCode: null` and a mobile.
describe('contracts for a mobile-only citizen (v1, tolerant addition)', () => {
  const registered = sampleV1Of(IntegrationEventTypes.requestRegistered);
  const withCitizens = (citizens: unknown[], extra: object = {}) => ({
    ...registered,
    data: { ...registered.data, ...extra, citizens },
  });
  const mobileOnly = { nationalCode: null, fullName: 'زهرا کریمی', mobile: '09171234567' };

  it('accepts a registration whose citizen has a name and a mobile but no national code', () => {
    expect(validateIntegrationEvent(withCitizens([mobileOnly], { channel: 'web' })).ok).toBe(true);
  });

  it('still accepts every registration v1 accepted before: with a national code, or erased', () => {
    expect(validateIntegrationEvent(registered).ok).toBe(true);
    const erased = { erased: true, nationalCode: null, fullName: null, mobile: null };
    expect(validateIntegrationEvent(withCitizens([erased])).ok).toBe(true);
  });

  it('refuses a citizen with neither national code nor mobile, or an invalid national code', () => {
    for (const citizen of [
      { ...mobileOnly, mobile: null },
      { nationalCode: null, fullName: 'زهرا کریمی' },
      { ...mobileOnly, nationalCode: '12345' },
      { ...mobileOnly, fullName: null },
    ]) {
      expect(validateIntegrationEvent(withCitizens([citizen]))).toMatchObject({
        ok: false,
        code: 'invalid_event_data',
      });
    }
  });
});
