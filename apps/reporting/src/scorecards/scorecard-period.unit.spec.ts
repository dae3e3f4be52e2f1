import { InvalidPeriodError, jalaliMonthsBefore, parseJalaliMonth, periodOf } from './scorecard-period';

const now = new Date('2026-12-02T12:00:00Z'); // 11 Azar 1405

describe('scorecard period', () => {
  it('defaults to the Jalali month of now, between Tehran midnights', () => {
    expect(periodOf({}, now)).toEqual({
      from: new Date('2026-11-21T20:30:00Z'), // 1 Azar 1405, 00:00 Tehran
      to: new Date('2026-12-21T20:30:00Z'), // 1 Dey 1405
      firstDay: { year: 1405, month: 9, day: 1 },
      lastDay: { year: 1405, month: 9, day: 30 },
    });
  });

  it('reads a month in Persian digits, and Esfand of a leap year has 30 days', () => {
    expect(periodOf({ month: '۱۴۰۵-۰۹' }, now)).toEqual(periodOf({}, now));
    expect(periodOf({ month: '1403/12' }, now).lastDay).toEqual({ year: 1403, month: 12, day: 30 });
    expect(periodOf({ month: '1404-12' }, now).lastDay).toEqual({ year: 1404, month: 12, day: 29 });
  });

  it('reads from/to as Jalali days, the last one included', () => {
    const period = periodOf({ from: '۱۴۰۵/۰۹/۰۱', to: '1405-9-10' }, now);
    expect(period.from).toEqual(new Date('2026-11-21T20:30:00Z'));
    expect(period.to).toEqual(new Date('2026-12-01T20:30:00Z'));
  });

  it.each([
    [{ month: '1405-13' }, 'month'],
    [{ month: '1405-09', from: '1405/09/01' }, 'month'],
    [{ from: '1405/09/01' }, 'to'],
    [{ from: '1405/07/31', to: '1405/08/01' }, 'from'], // Mehr has 30 days
    [{ from: '1405/09/10', to: '1405/09/01' }, 'to'],
    [{ from: '1400/01/01', to: '1405/01/01' }, 'to'],
  ])('refuses %j naming %s', (query, parameter) => {
    expect(() => periodOf(query, now)).toThrow(InvalidPeriodError);
    try {
      periodOf(query, now);
    } catch (error) {
      expect((error as InvalidPeriodError).parameter).toBe(parameter);
    }
  });

  it('steps months back across years', () => {
    expect(jalaliMonthsBefore({ year: 1405, month: 2 }, 5)).toEqual({ year: 1404, month: 9 });
    expect(parseJalaliMonth('1405-9')).toEqual({ year: 1405, month: 9 });
  });
});
