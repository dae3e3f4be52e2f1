import fc from 'fast-check';
import {
  formatJalaliDate,
  isJalaliLeapYear,
  jalaliMonthLength,
  jalaliOfGregorianKey,
  jalaliToGregorianKey,
  parseJalaliDate,
} from './jalali-date';

// The platform's ICU Persian calendar, an independent implementation to compare with.
const icu = new Intl.DateTimeFormat('en-u-ca-persian', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const icuJalali = (key: string) => {
  const parts = icu.formatToParts(new Date(`${key}T12:00:00Z`));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
};

describe('Jalali dates', () => {
  it('knows Nowruz of known years', () => {
    expect(jalaliToGregorianKey({ year: 1403, month: 1, day: 1 })).toBe('2024-03-20');
    expect(jalaliToGregorianKey({ year: 1404, month: 1, day: 1 })).toBe('2025-03-21');
    expect(jalaliToGregorianKey({ year: 1410, month: 1, day: 1 })).toBe('2031-03-21');
    expect(jalaliOfGregorianKey('2031-03-20')).toEqual({ year: 1409, month: 12, day: 29 });
  });

  it('knows the leap years (30 Esfand)', () => {
    expect([1399, 1403, 1408, 1412].map(isJalaliLeapYear)).toEqual([true, true, true, true]);
    expect([1400, 1404, 1409, 1410].map(isJalaliLeapYear)).toEqual([false, false, false, false]);
    expect(jalaliMonthLength(1408, 12)).toBe(30);
    expect(jalaliMonthLength(1409, 12)).toBe(29);
    expect(jalaliToGregorianKey({ year: 1408, month: 12, day: 30 })).toBe('2030-03-20');
  });

  it('agrees with the ICU Persian calendar day by day, 1300–1500 (property)', () => {
    const day = fc.integer({ min: Date.UTC(1921, 2, 21), max: Date.UTC(2121, 2, 20) });
    fc.assert(
      fc.property(day, (ms) => {
        const key = new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10);
        const jalali = jalaliOfGregorianKey(key);
        expect(jalali).toEqual(icuJalali(key));
        expect(jalaliToGregorianKey(jalali)).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every day of a leap and a common year', () => {
    for (const year of [1408, 1409]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= jalaliMonthLength(year, month); day++) {
          expect(jalaliOfGregorianKey(jalaliToGregorianKey({ year, month, day }))).toEqual({
            year,
            month,
            day,
          });
        }
      }
    }
  });

  describe('parseJalaliDate', () => {
    it.each([
      ['1410/01/05', { year: 1410, month: 1, day: 5 }],
      ['1410-1-5', { year: 1410, month: 1, day: 5 }],
      ['۱۴۱۰/۰۱/۰۵', { year: 1410, month: 1, day: 5 }],
      ['١٤١٠/٠١/٠٥', { year: 1410, month: 1, day: 5 }],
      [' 1408/12/30 ', { year: 1408, month: 12, day: 30 }],
    ])('reads %p', (text, expected) => {
      expect(parseJalaliDate(text)).toEqual(expected);
    });

    it.each([
      '1409/12/30',
      '1410/07/31',
      '1410/13/01',
      '1410/00/10',
      '1410/01/00',
      '14100105',
      '1410/1',
      'x',
    ])('refuses %p', (text) => {
      expect(parseJalaliDate(text)).toBeUndefined();
    });

    it('formats with Latin digits, zero-padded', () => {
      expect(formatJalaliDate({ year: 1410, month: 1, day: 5 })).toBe('1410-01-05');
    });
  });
});
