import { Open311Error } from './open311-format';
import { filingOf } from './open311-filing';

const params = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  service_code: 'WAT-LEAK',
  'attribute[county]': 'BND',
  'attribute[national_code]': '0499370899',
  first_name: 'زهرا',
  last_name: 'کریمی',
  phone: '09171234567',
  description: 'نشت لوله',
  lat: '27.18',
  long: '56.26',
  ...overrides,
});

describe('Open311 filing → Samad registration', () => {
  it('passes the national code on when the client sends one', () => {
    expect(filingOf(params()).registration).toMatchObject({
      channel: 'web',
      citizens: [{ nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' }],
    });
  });

  const { 'attribute[national_code]': _n, 'attribute[county]': _c, ...withoutAttributes } = params();
  it.each([
    ['absent', { ...withoutAttributes, 'attribute[county]': 'BND' }],
    ['empty', params({ 'attribute[national_code]': '' })],
    ['blank', params({ 'attribute[national_code]': '  ' })],
    ['absent from a nested JSON attribute', { ...withoutAttributes, attribute: { county: 'BND' } }],
  ])('leaves the national code out when it is %s: registered against the mobile (ADR 39)', (_case, given) => {
    const [citizen] = filingOf(given).registration.citizens;
    expect(citizen).toEqual({ fullName: 'زهرا کریمی', mobile: '09171234567' });
  });

  it('refuses a national code that is not text, and a filing without a phone', () => {
    for (const given of [
      params({ 'attribute[national_code]': 499370899 }),
      params({ 'attribute[national_code]': undefined, phone: '' }),
    ]) {
      expect(() => filingOf(given)).toThrow(Open311Error);
    }
  });
});
