import fc from 'fast-check';
import { addWorkingDays, isWorkingDay } from './working-days';
import { tehranDateKey, toTehranWallClock } from './tehran-time';

const noHolidays = new Set<string>();
// Tuesday 15 Oct 2024, 09:00 in Tehran (UTC+03:30).
const tuesdayNine = new Date('2024-10-15T05:30:00Z');

describe('addWorkingDays', () => {
  it('skips Friday and keeps the Tehran time of day', () => {
    // Wed 16, Thu 17, (Fri 18 off), Sat 19.
    expect(addWorkingDays(tuesdayNine, 3, noHolidays)).toEqual(new Date('2024-10-19T05:30:00Z'));
  });

  it('counts Thursday as a working day by default', () => {
    expect(addWorkingDays(tuesdayNine, 2, noHolidays)).toEqual(new Date('2024-10-17T05:30:00Z'));
  });

  it('skips holidays given as Tehran dates', () => {
    expect(addWorkingDays(tuesdayNine, 3, new Set(['2024-10-17']))).toEqual(new Date('2024-10-20T05:30:00Z'));
  });

  it('takes a different weekend when an office is closed on Thursdays', () => {
    expect(addWorkingDays(tuesdayNine, 3, noHolidays, { weekend: ['thursday', 'friday'] })).toEqual(
      new Date('2024-10-20T05:30:00Z'),
    );
  });

  it('counts in Tehran dates, not UTC dates', () => {
    // 21:00 UTC on Thursday is already 00:30 on Friday in Tehran: one working day later is Saturday 00:30.
    expect(addWorkingDays(new Date('2024-10-17T21:00:00Z'), 1, noHolidays)).toEqual(
      new Date('2024-10-18T21:00:00Z'),
    );
  });

  it('starts counting from the next working day when registered on a day off', () => {
    // Friday-prayer desk, Fri 18 Oct 11:00 Tehran → one working day → Sat 19 Oct 11:00.
    expect(addWorkingDays(new Date('2024-10-18T07:30:00Z'), 1, noHolidays)).toEqual(
      new Date('2024-10-19T07:30:00Z'),
    );
  });

  it('follows the historical daylight-saving offset (Iran observed DST until 2022)', () => {
    // Sat 20 Mar 2021 09:00 at +03:30 → Tue 23 Mar 2021 09:00 at +04:30.
    expect(addWorkingDays(new Date('2021-03-20T05:30:00Z'), 3, noHolidays)).toEqual(
      new Date('2021-03-23T04:30:00Z'),
    );
  });

  it('returns the same instant for zero days', () => {
    expect(addWorkingDays(tuesdayNine, 0, noHolidays)).toEqual(tuesdayNine);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p days', (days) => {
    expect(() => addWorkingDays(tuesdayNine, days, noHolidays)).toThrow(RangeError);
  });

  it('refuses a week without working days, and an invalid date', () => {
    const everyDay = ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
    expect(() => addWorkingDays(tuesdayNine, 1, noHolidays, { weekend: everyDay })).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(Number.NaN), 1, noHolidays)).toThrow(RangeError);
  });

  it('lands on a working day exactly `days` working days later, same wall-clock time (property)', () => {
    const from = fc.date({
      min: new Date('2023-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    const holidays = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 10 });
    fc.assert(
      fc.property(from, fc.integer({ min: 1, max: 40 }), holidays, (start, days, offsets) => {
        const startDay = Date.parse(`${tehranDateKey(start)}T00:00:00Z`);
        const holidayKeys = new Set(
          offsets.map((o) => new Date(startDay + o * 86_400_000).toISOString().slice(0, 10)),
        );
        const due = addWorkingDays(start, days, holidayKeys);

        expect(isWorkingDay(due, holidayKeys)).toBe(true);
        const timeOfDay = (d: Date) =>
          (({ hour, minute, second }) => ({ hour, minute, second }))(toTehranWallClock(d));
        expect(timeOfDay(due)).toEqual(timeOfDay(start));

        let counted = 0;
        for (
          let day = startDay + 86_400_000;
          day <= Date.parse(`${tehranDateKey(due)}T00:00:00Z`);
          day += 86_400_000
        ) {
          const key = new Date(day).toISOString().slice(0, 10);
          if (new Date(day).getUTCDay() !== 5 && !holidayKeys.has(key)) counted++;
        }
        expect(counted).toBe(days);
      }),
    );
  });
});

describe('isWorkingDay', () => {
  it('knows Friday and holidays are days off in Tehran', () => {
    expect(isWorkingDay(tuesdayNine, noHolidays)).toBe(true);
    expect(isWorkingDay(new Date('2024-10-18T05:30:00Z'), noHolidays)).toBe(false);
    expect(isWorkingDay(tuesdayNine, new Set(['2024-10-15']))).toBe(false);
  });
});
