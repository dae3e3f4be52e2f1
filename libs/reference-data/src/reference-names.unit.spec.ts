import { codesOf, isKnownCode, nameOf } from './reference-names';

describe('nameOf', () => {
  it('names catalog entries and the request vocabulary in Persian and English', () => {
    expect(nameOf('county', 'MIN')).toEqual({ code: 'MIN', nameFa: 'میناب', nameEn: 'Minab' });
    expect(nameOf('agency', 'ABFA')).toMatchObject({
      code: 'ABFA',
      nameEn: 'Provincial Water and Wastewater Company',
    });
    expect(nameOf('category', 'WAT-CUT')).toEqual({
      code: 'WAT-CUT',
      nameFa: 'قطعی آب',
      nameEn: 'Water outage',
    });
    expect(nameOf('status', 'closed')).toEqual({ code: 'closed', nameFa: 'مختومه', nameEn: 'Closed' });
    expect(nameOf('channel', 'desk').nameFa).toBe('میز ارتباطات مردمی');
    expect(nameOf('requestKind', 'demand').nameEn).toBe('Demand');
  });

  it('shows a code it does not know with the code as both names', () => {
    expect(nameOf('county', 'GONE')).toEqual({ code: 'GONE', nameFa: 'GONE', nameEn: 'GONE' });
    expect(nameOf('status', 'teleported')).toEqual({
      code: 'teleported',
      nameFa: 'teleported',
      nameEn: 'teleported',
    });
  });

  it('does not mix kinds: a county code is not a category', () => {
    expect(isKnownCode('county', 'MIN')).toBe(true);
    expect(isKnownCode('category', 'MIN')).toBe(false);
    expect(codesOf('county')).toHaveLength(13);
    expect(codesOf('agency')).toContain('OSTANDARI');
  });
});
