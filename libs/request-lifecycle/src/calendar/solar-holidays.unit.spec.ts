import fc from 'fast-check';
import { jalaliToGregorianKey } from './jalali-date';
import { isSolarHoliday, solarHolidaysOf } from './solar-holidays';

describe('fixed solar holidays', () => {
  it('computes the ten days of 1410 as Gregorian days', () => {
    expect(solarHolidaysOf(1410).map((h) => h.day)).toEqual([
      '2031-03-21',
      '2031-03-22',
      '2031-03-23',
      '2031-03-24',
      '2031-04-01',
      '2031-04-02',
      '2031-06-04',
      '2031-06-05',
      '2032-02-11',
      '2032-03-19',
    ]);
  });

  it('matches the days the earlier migration seeded by hand for 1405', () => {
    expect(solarHolidaysOf(1405).map((h) => h.day)).toEqual([
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-04-01',
      '2026-04-02',
      '2026-06-04',
      '2026-06-05',
      '2027-02-11',
      '2027-03-20',
    ]);
  });

  it('keeps 29 Esfand, not 30 Esfand, as the holiday of a leap year', () => {
    expect(isSolarHoliday(jalaliToGregorianKey({ year: 1408, month: 12, day: 29 }))).toBe(true);
    expect(isSolarHoliday(jalaliToGregorianKey({ year: 1408, month: 12, day: 30 }))).toBe(false);
  });

  it('finds exactly ten holidays in any Jalali year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1300, max: 1600 }), (year) => {
        const holidays = solarHolidaysOf(year);
        expect(holidays).toHaveLength(10);
        expect(holidays.every((h) => isSolarHoliday(h.day))).toBe(true);
      }),
    );
  });

  it('is not fooled by the day after a holiday', () => {
    expect(isSolarHoliday('2031-03-25')).toBe(false); // 5 Farvardin 1410
    expect(isSolarHoliday('2031-04-03')).toBe(false); // 14 Farvardin 1410
  });
});
