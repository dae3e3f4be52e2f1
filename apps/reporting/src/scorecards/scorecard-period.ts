import {
  fromTehranWallClock,
  jalaliMonthLength,
  jalaliOfGregorianKey,
  jalaliToGregorianKey,
  parseJalaliDate,
  tehranDateKey,
  toAsciiDigits,
  type JalaliDate,
} from '@samad/request-lifecycle';

/** A Jalali month, `1405-09`. */
export interface JalaliMonth {
  readonly year: number;
  readonly month: number;
}

/** A half-open range of instants, [from, to), between Tehran midnights, with its Jalali days (inclusive). */
export interface ScorecardPeriod {
  readonly from: Date;
  readonly to: Date;
  readonly firstDay: JalaliDate;
  readonly lastDay: JalaliDate;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const formatJalaliMonth = ({ year, month }: JalaliMonth): string => `${pad(year, 4)}-${pad(month)}`;

/** `1405-09`, `1405/9` or `۱۴۰۵-۰۹`; undefined otherwise. */
export const parseJalaliMonth = (text: string): JalaliMonth | undefined => {
  const match = /^(\d{4})[/-](\d{1,2})$/.exec(toAsciiDigits(text.trim()));
  if (!match) return undefined;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && year >= 1300 && year <= 1500 ? { year, month } : undefined;
};

/** The instant a Jalali day begins in Tehran. */
export const tehranMidnightOf = (day: JalaliDate): Date => {
  const [year, month, date] = jalaliToGregorianKey(day).split('-').map(Number);
  return fromTehranWallClock({ year, month, day: date, hour: 0, minute: 0, second: 0, millisecond: 0 });
};

export const nextJalaliMonth = ({ year, month }: JalaliMonth): JalaliMonth =>
  month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };

export const jalaliMonthsBefore = ({ year, month }: JalaliMonth, count: number): JalaliMonth => {
  const index = year * 12 + (month - 1) - count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};

/** The Jalali month an instant falls in, on Tehran's calendar. */
export const jalaliMonthOf = (instant: Date): JalaliMonth => {
  const { year, month } = jalaliOfGregorianKey(tehranDateKey(instant));
  return { year, month };
};

const dayAfter = (day: JalaliDate): JalaliDate =>
  day.day < jalaliMonthLength(day.year, day.month)
    ? { ...day, day: day.day + 1 }
    : { ...nextJalaliMonth(day), day: 1 };

export const monthPeriod = (month: JalaliMonth): ScorecardPeriod => {
  const lastDay = { ...month, day: jalaliMonthLength(month.year, month.month) };
  return {
    from: tehranMidnightOf({ ...month, day: 1 }),
    to: tehranMidnightOf({ ...nextJalaliMonth(month), day: 1 }),
    firstDay: { ...month, day: 1 },
    lastDay,
  };
};

export const dayRangePeriod = (firstDay: JalaliDate, lastDay: JalaliDate): ScorecardPeriod => ({
  from: tehranMidnightOf(firstDay),
  to: tehranMidnightOf(dayAfter(lastDay)),
  firstDay,
  lastDay,
});

export class InvalidPeriodError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The period a query asks for: `month` (a Jalali month), or `from` and `to` (Jalali days, both included),
 * or else the Jalali month of `now`. Persian digits are accepted everywhere.
 */
export const periodOf = (
  query: { month?: string; from?: string; to?: string },
  now: Date,
): ScorecardPeriod => {
  if (query.month !== undefined) {
    if (query.from !== undefined || query.to !== undefined)
      throw new InvalidPeriodError('month', 'give either month or from/to, not both');
    const month = parseJalaliMonth(query.month);
    if (!month) throw new InvalidPeriodError('month', 'month must be a Jalali month such as 1405-09');
    return monthPeriod(month);
  }
  if (query.from !== undefined || query.to !== undefined) {
    const first = query.from === undefined ? undefined : parseJalaliDate(query.from);
    const last = query.to === undefined ? undefined : parseJalaliDate(query.to);
    if (!first) throw new InvalidPeriodError('from', 'from must be a Jalali day such as 1405/09/01');
    if (!last) throw new InvalidPeriodError('to', 'to must be a Jalali day such as 1405/09/30');
    const period = dayRangePeriod(first, last);
    if (period.to.getTime() <= period.from.getTime())
      throw new InvalidPeriodError('to', 'to must not be before from');
    if (period.to.getTime() - period.from.getTime() > 400 * 86_400_000)
      throw new InvalidPeriodError('to', 'a period spans at most 400 days');
    return period;
  }
  return monthPeriod(jalaliMonthOf(now));
};
