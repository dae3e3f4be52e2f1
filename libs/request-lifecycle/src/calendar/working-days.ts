import { fromTehranWallClock, toTehranWallClock } from './tehran-time';

export const weekdays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof weekdays)[number];

export interface WorkingDayOptions {
  /**
   * Days off every week. Friday only by default (Thursday counts as a working day, as at the 111 centre);
   * pass ['thursday', 'friday'] for offices closed on Thursdays, or a one-off closure as a holiday.
   */
  readonly weekend?: readonly Weekday[];
}

const DAY_MS = 86_400_000;

const dateKeyOfUtcDay = (utcMidnight: number): string => new Date(utcMidnight).toISOString().slice(0, 10);

const isDayOff = (utcMidnight: number, holidays: ReadonlySet<string>, weekend: readonly Weekday[]): boolean =>
  weekend.includes(weekdays[new Date(utcMidnight).getUTCDay()]) || holidays.has(dateKeyOfUtcDay(utcMidnight));

/** Whether `date` falls on a working day in Tehran. */
export const isWorkingDay = (
  date: Date,
  holidays: ReadonlySet<string>,
  options: WorkingDayOptions = {},
): boolean => {
  const { year, month, day } = toTehranWallClock(date);
  return !isDayOff(Date.UTC(year, month - 1, day), holidays, options.weekend ?? ['friday']);
};

/**
 * `from` plus `days` working days, at the same Tehran wall-clock time. Dates are Tehran local dates;
 * `holidays` holds Gregorian `YYYY-MM-DD` keys in Asia/Tehran (see tehranDateKey). A request registered
 * on a day off (a Friday-prayer desk) simply starts counting from the next working day.
 */
export const addWorkingDays = (
  from: Date,
  days: number,
  holidays: ReadonlySet<string>,
  options: WorkingDayOptions = {},
): Date => {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`working days must be a whole number ≥ 0: ${days}`);
  const weekend = options.weekend ?? ['friday'];
  if (weekdays.every((day) => weekend.includes(day)))
    throw new RangeError('every day of the week is a day off');
  const wall = toTehranWallClock(from);
  let cursor = Date.UTC(wall.year, wall.month - 1, wall.day);
  for (let remaining = days; remaining > 0;) {
    cursor += DAY_MS;
    if (!isDayOff(cursor, holidays, weekend)) remaining--;
  }
  const target = new Date(cursor);
  return fromTehranWallClock({
    ...wall,
    year: target.getUTCFullYear(),
    month: target.getUTCMonth() + 1,
    day: target.getUTCDate(),
  });
};
