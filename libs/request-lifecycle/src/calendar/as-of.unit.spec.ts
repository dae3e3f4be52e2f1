import { toPersianDigits } from '../shared/persian-text';
import { parseAsOfMoment as parseAsOf } from './as-of';
import { formatJalaliDate, jalaliOfGregorianKey } from './jalali-date';
import { tehranDateKey } from './tehran-time';

describe('parseAsOf', () => {
  it('reads an ISO-8601 instant with its offset', () => {
    expect(parseAsOf('2026-12-02T18:00:00Z')?.toISOString()).toBe('2026-12-02T18:00:00.000Z');
    expect(parseAsOf('2026-12-02T21:30:00.250+03:30')?.toISOString()).toBe('2026-12-02T18:00:00.250Z');
  });

  it('reads a day alone as the end of that day in Tehran, Gregorian or Jalali', () => {
    // 11 Azar 1405 is 2 December 2026; Tehran is UTC+3:30, so its last moment is 20:29:59.999 UTC.
    expect(parseAsOf('2026-12-02')?.toISOString()).toBe('2026-12-02T20:29:59.999Z');
    expect(parseAsOf('1405/09/11')?.toISOString()).toBe('2026-12-02T20:29:59.999Z');
    expect(parseAsOf('۱۴۰۵/۹/۱۱')?.toISOString()).toBe('2026-12-02T20:29:59.999Z');
  });

  it('reads a Jalali date with a Tehran wall-clock time, in either digits', () => {
    expect(parseAsOf('1405/09/11 14:30')?.toISOString()).toBe('2026-12-02T11:00:00.000Z');
    expect(parseAsOf('۱۴۰۵-۰۹-۱۱T۱۴:۳۰:۰۵')?.toISOString()).toBe('2026-12-02T11:00:05.000Z');
  });

  it('agrees with the calendar on today', () => {
    const today = toPersianDigits(formatJalaliDate(jalaliOfGregorianKey(tehranDateKey(new Date()))));
    expect(parseAsOf(today)!.getTime()).toBeGreaterThan(Date.now());
  });

  it.each(['yesterday', '1404/13/01', '1403/12/31', '2025-02-30', '1405/09/11 24:00', '2026-12-02T18:00'])(
    'refuses %s',
    (text) => expect(parseAsOf(text)).toBeUndefined(),
  );
});
