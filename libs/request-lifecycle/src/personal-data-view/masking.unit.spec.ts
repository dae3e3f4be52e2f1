import fc from 'fast-check';
import { maskIdentifier, maskPersonalIdentifiers, maskPersonalIdentifiersInJson } from './masking';

describe('maskIdentifier', () => {
  it('keeps the last four digits and the length', () => {
    expect(maskIdentifier('0499370899')).toBe('******0899');
    expect(maskIdentifier('09171234567')).toBe('*******4567');
  });

  it('masks a value of four characters or fewer whole', () => {
    expect(maskIdentifier('1234')).toBe('****');
    expect(maskIdentifier('12')).toBe('**');
    expect(maskIdentifier('')).toBe('');
  });

  it('never shows more than the last four characters, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const masked = [...maskIdentifier(value)];
        const chars = [...value];
        expect(masked).toHaveLength(chars.length);
        const hidden = chars.length <= 4 ? chars.length : chars.length - 4;
        expect(masked.slice(0, hidden).every((c) => c === '*')).toBe(true);
        expect(masked.slice(hidden)).toEqual(chars.slice(hidden));
      }),
    );
  });
});

describe('maskPersonalIdentifiers', () => {
  it('masks national codes and mobiles at any depth and leaves everything else (and the input) alone', () => {
    const data = {
      trackingCode: '1000000170',
      citizens: [
        { nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' },
        { erased: true, nationalCode: null, fullName: null, mobile: null },
      ],
      nested: { deeper: [{ mobile: '09351112233' }] },
      count: 2,
    };
    const copy = structuredClone(data);
    expect(maskPersonalIdentifiers(data)).toEqual({
      trackingCode: '1000000170',
      citizens: [
        { nationalCode: '******0899', fullName: 'زهرا کریمی', mobile: '*******4567' },
        { erased: true, nationalCode: null, fullName: null, mobile: null },
      ],
      nested: { deeper: [{ mobile: '*******2233' }] },
      count: 2,
    });
    expect(data).toEqual(copy);
  });

  it('passes values without identifiers through', () => {
    expect(maskPersonalIdentifiers(null)).toBeNull();
    expect(maskPersonalIdentifiers('0499370899')).toBe('0499370899');
    expect(maskPersonalIdentifiers([1, 'a'])).toEqual([1, 'a']);
  });
});

describe('maskPersonalIdentifiersInJson', () => {
  it('masks the identifiers of JSON text and leaves any other text as it is', () => {
    expect(
      maskPersonalIdentifiersInJson(
        '{"data":{"citizens":[{"nationalCode":"0499370899","mobile":"09171234567"}]}}',
      ),
    ).toBe('{"data":{"citizens":[{"nationalCode":"******0899","mobile":"*******4567"}]}}');
    expect(maskPersonalIdentifiersInJson('{not json')).toBe('{not json');
  });
});
