import fc from 'fast-check';
import { tehranDateKey } from './tehran-time';
import {
  addWorkingMinutes,
  dueAfterWorkingDays,
  formatOfficeHours,
  isOfficeDay,
  parseOfficeHours,
  workingMinutesBetween,
  DEFAULT_OFFICE_HOURS,
  type ThursdayRule,
  type WorkingCalendar,
} from './working-time';

const calendar = (thursday: ThursdayRule = 'working', holidays: string[] = []): WorkingCalendar => ({
  thursday,
  officeHours: DEFAULT_OFFICE_HOURS,
  holidays: new Set(holidays),
});
// Tehran is UTC+03:30 since 2022 (no more daylight saving): 10:00 in Tehran is 06:30 UTC.
const tehran = (day: string, time: string): Date => {
  const [h, m] = time.split(':').map(Number);
  return new Date(Date.parse(`${day}T00:00:00Z`) + (h * 60 + m - 210) * 60_000);
};

describe('dueAfterWorkingDays', () => {
  it('counts office time: Tuesday 10:00 + 3 days is Saturday 10:00 (Friday off)', () => {
    expect(dueAfterWorkingDays(tehran('2026-12-01', '10:00'), 3, calendar())).toEqual(
      tehran('2026-12-05', '10:00'),
    );
  });

  describe('across Nowruz of 1410', () => {
    // Wednesday 28 Esfand 1409, 10:00. Then 29 Esfand (Thu), 1 Farvardin (Fri) and 2–4 Farvardin
    // (Sat–Mon) are holidays: 4.5 h on Wednesday, 7 h on Tuesday 5 and Wednesday 6 Farvardin, 2.5 h on Thursday 7.
    const from = tehran('2031-03-19', '10:00');

    it('skips 29 Esfand and 1–4 Farvardin', () => {
      expect(dueAfterWorkingDays(from, 3, calendar())).toEqual(tehran('2031-03-27', '10:00'));
    });

    it('lands the same with a half-day Thursday (2.5 h fit before 11:00)', () => {
      expect(dueAfterWorkingDays(from, 3, calendar('half'))).toEqual(tehran('2031-03-27', '10:00'));
    });

    it('moves to Saturday when Thursdays are off', () => {
      expect(dueAfterWorkingDays(from, 3, calendar('off'))).toEqual(tehran('2031-03-29', '10:00'));
    });

    it('skips an administrator’s holiday as well', () => {
      expect(dueAfterWorkingDays(from, 3, calendar('working', ['2031-03-25']))).toEqual(
        tehran('2031-03-29', '10:00'),
      );
    });
  });

  it('treats 30 Esfand of a leap year as a working day, 29 Esfand as the holiday', () => {
    // Monday 28 Esfand 1408 10:00 → (Tue 29 Esfand holiday) → Wednesday 30 Esfand 10:00.
    expect(dueAfterWorkingDays(tehran('2030-03-18', '10:00'), 1, calendar())).toEqual(
      tehran('2030-03-20', '10:00'),
    );
  });

  it('counts a half-day Thursday as half a day', () => {
    // Wed 10:00 + 2 days (14 h): Wed 4.5 h, Thu 07:30–11:00 3.5 h, Sat 6 h → Sat 13:30.
    expect(dueAfterWorkingDays(tehran('2026-12-02', '10:00'), 2, calendar('half'))).toEqual(
      tehran('2026-12-05', '13:30'),
    );
  });

  it('falls due at closing time when a day is used up exactly', () => {
    expect(dueAfterWorkingDays(tehran('2026-12-01', '07:30'), 1, calendar())).toEqual(
      tehran('2026-12-01', '14:30'),
    );
  });

  it('starts the clock at the next opening when routed after hours or on a day off', () => {
    const nextMorningPlusOne = tehran('2026-12-02', '14:30');
    expect(dueAfterWorkingDays(tehran('2026-12-01', '14:30'), 1, calendar())).toEqual(nextMorningPlusOne);
    expect(dueAfterWorkingDays(tehran('2026-12-01', '22:00'), 1, calendar())).toEqual(nextMorningPlusOne);
    expect(dueAfterWorkingDays(tehran('2026-12-02', '03:00'), 1, calendar())).toEqual(nextMorningPlusOne);
    // Friday 11:00 → Saturday's whole day.
    expect(dueAfterWorkingDays(tehran('2026-12-04', '11:00'), 1, calendar())).toEqual(
      tehran('2026-12-05', '14:30'),
    );
  });

  it('starts after the half day on Thursday afternoon', () => {
    expect(dueAfterWorkingDays(tehran('2026-12-03', '12:00'), 1, calendar('half'))).toEqual(
      tehran('2026-12-05', '14:30'),
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p days', (days) => {
    expect(() => dueAfterWorkingDays(tehran('2026-12-01', '10:00'), days, calendar())).toThrow(RangeError);
  });

  it('refuses office hours that close before they open', () => {
    const broken = { ...calendar(), officeHours: { opens: 900, closes: 600 } };
    expect(() => dueAfterWorkingDays(tehran('2026-12-01', '10:00'), 1, broken)).toThrow(RangeError);
  });
});

describe('addWorkingMinutes and workingMinutesBetween (properties)', () => {
  const instant = fc
    .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2035, 0, 1) })
    .map((ms) => new Date(ms - (ms % 60_000)));
  const thursday = fc.constantFrom<ThursdayRule>('off', 'half', 'working');

  it('lands inside office hours of an office day, and measures back what it added', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 * 7 * 60 }), thursday, (from, minutes, rule) => {
        const cal = calendar(rule, ['2031-03-25']);
        const due = addWorkingMinutes(from, minutes, cal);
        expect(isOfficeDay(due, cal)).toBe(true);
        const clock = Date.parse(`${tehranDateKey(due)}T00:00:00Z`);
        const minuteOfDay = (due.getTime() + 210 * 60_000 - clock) / 60_000;
        expect(minuteOfDay).toBeGreaterThan(DEFAULT_OFFICE_HOURS.opens);
        expect(minuteOfDay).toBeLessThanOrEqual(DEFAULT_OFFICE_HOURS.closes);
        expect(workingMinutesBetween(from, due, cal)).toBeCloseTo(minutes, 6);
      }),
    );
  });

  it('is monotonic: more working time never falls due earlier', () => {
    fc.assert(
      fc.property(instant, fc.nat(5000), fc.nat(5000), thursday, (from, a, b, rule) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        const cal = calendar(rule);
        expect(addWorkingMinutes(from, less, cal).getTime()).toBeLessThanOrEqual(
          addWorkingMinutes(from, more, cal).getTime(),
        );
      }),
    );
  });
});

describe('office hours', () => {
  it.each([
    ['07:30-14:30', { opens: 450, closes: 870 }],
    ['8:00 – 16:00', { opens: 480, closes: 960 }],
    ['۰۷:۳۰-۱۴:۳۰', { opens: 450, closes: 870 }],
  ])('reads %p', (text, hours) => {
    expect(parseOfficeHours(text)).toEqual(hours);
    expect(formatOfficeHours(hours)).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}$/);
  });

  it.each(['14:30-07:30', '07:30', '25:00-26:00', '07:60-14:00', '08:00-08:00'])('refuses %p', (text) => {
    expect(parseOfficeHours(text)).toBeUndefined();
  });
});
