import { toAsciiDigits } from '../shared/persian-text';
import { isSolarHoliday } from './solar-holidays';
import { fromTehranWallClock, tehranDateKey, toTehranWallClock } from './tehran-time';

/** Thursday at the office: a day off, the first half of office hours, or a full working day. */
export const thursdayRules = ['off', 'half', 'working'] as const;
export type ThursdayRule = (typeof thursdayRules)[number];

/** Office hours on Tehran's wall clock, in minutes after midnight (07:30 = 450). */
export interface OfficeHours {
  readonly opens: number;
  readonly closes: number;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { opens: 7 * 60 + 30, closes: 14 * 60 + 30 };

/**
 * When the offices work: every day but Friday, Thursday by its rule, within office hours, except the fixed
 * solar holidays (computed for any Jalali year) and `holidays`, the days an administrator declared (the
 * lunar holidays), as Tehran `YYYY-MM-DD` keys.
 */
export interface WorkingCalendar {
  readonly thursday: ThursdayRule;
  readonly officeHours: OfficeHours;
  readonly holidays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// Past this many days without office hours the calendar is broken (e.g. a year of declared holidays).
const SEARCH_LIMIT_DAYS = 3660;

const assertValidHours = ({ opens, closes }: OfficeHours): void => {
  if (!(
    Number.isInteger(opens) &&
    Number.isInteger(closes) &&
    0 <= opens &&
    opens < closes &&
    closes <= 1440
  ))
    throw new RangeError(`office hours must open before they close, within the day: ${opens}–${closes}`);
};

/** Length of a full working day, in minutes: the unit of a deadline in working days. */
export const workingDayMinutes = ({ officeHours }: WorkingCalendar): number =>
  officeHours.closes - officeHours.opens;

const dayKey = (utcMidnight: number): string => new Date(utcMidnight).toISOString().slice(0, 10);

/** The office window of a Tehran day (given as the UTC midnight of its date), in ms after its midnight. */
const officeWindow = (utcMidnight: number, calendar: WorkingCalendar): [number, number] | undefined => {
  const weekday = new Date(utcMidnight).getUTCDay();
  const key = dayKey(utcMidnight);
  if (weekday === 5 || calendar.holidays.has(key) || isSolarHoliday(key)) return undefined;
  const { opens, closes } = calendar.officeHours;
  if (weekday !== 4 || calendar.thursday === 'working') return [opens * MINUTE_MS, closes * MINUTE_MS];
  if (calendar.thursday === 'off') return undefined;
  return [opens * MINUTE_MS, (opens + (closes - opens) / 2) * MINUTE_MS];
};

/** Whether the offices are open on the Tehran day of `date` at all. */
export const isOfficeDay = (date: Date, calendar: WorkingCalendar): boolean =>
  officeWindow(Date.parse(`${tehranDateKey(date)}T00:00:00Z`), calendar) !== undefined;

const msOfDay = (date: Date): { midnight: number; ms: number } => {
  const w = toTehranWallClock(date);
  return {
    midnight: Date.UTC(w.year, w.month - 1, w.day),
    ms: ((w.hour * 60 + w.minute) * 60 + w.second) * 1000 + w.millisecond,
  };
};

const instantAt = (utcMidnight: number, ms: number): Date => {
  const day = new Date(utcMidnight);
  const whole = Math.round(ms);
  return fromTehranWallClock({
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    hour: Math.floor(whole / 3_600_000),
    minute: Math.floor(whole / MINUTE_MS) % 60,
    second: Math.floor(whole / 1000) % 60,
    millisecond: whole % 1000,
  });
};

/**
 * The instant `minutes` of office time after `from`: only office hours of working days count. Starting
 * outside office hours, the clock starts at the next opening; a deadline that uses up a day's hours exactly
 * falls due at that day's closing time.
 */
export const addWorkingMinutes = (from: Date, minutes: number, calendar: WorkingCalendar): Date => {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`working minutes must be ≥ 0: ${minutes}`);
  assertValidHours(calendar.officeHours);
  const start = msOfDay(from);
  let remaining = minutes * MINUTE_MS;
  for (let i = 0, midnight = start.midnight; i < SEARCH_LIMIT_DAYS; i++, midnight += DAY_MS) {
    const window = officeWindow(midnight, calendar);
    if (!window) continue;
    const begin = Math.max(window[0], i === 0 ? start.ms : 0);
    if (begin >= window[1]) continue;
    if (remaining <= window[1] - begin) return instantAt(midnight, begin + remaining);
    remaining -= window[1] - begin;
  }
  throw new RangeError(`no office hours within ${SEARCH_LIMIT_DAYS} days of ${from.toISOString()}`);
};

/**
 * When a deadline of `days` working days, counted from `from`, falls due: `days` full office days of office
 * time (a half-day Thursday counts half). Routed at 10:00 on a Tuesday, three days fall due at 10:00 on
 * Saturday (Wednesday, Thursday working, Friday off).
 */
export const dueAfterWorkingDays = (from: Date, days: number, calendar: WorkingCalendar): Date => {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`working days must be a whole number ≥ 1: ${days}`);
  return addWorkingMinutes(from, days * workingDayMinutes(calendar), calendar);
};

/** Office time between two instants, in minutes (0 when `to` is not after `from`). */
export const workingMinutesBetween = (from: Date, to: Date, calendar: WorkingCalendar): number => {
  assertValidHours(calendar.officeHours);
  if (to.getTime() <= from.getTime()) return 0;
  const start = msOfDay(from);
  const end = msOfDay(to);
  let total = 0;
  for (let midnight = start.midnight; midnight <= end.midnight; midnight += DAY_MS) {
    const window = officeWindow(midnight, calendar);
    if (!window) continue;
    const begin = Math.max(window[0], midnight === start.midnight ? start.ms : 0);
    const finish = Math.min(window[1], midnight === end.midnight ? end.ms : Number.POSITIVE_INFINITY);
    if (finish > begin) total += finish - begin;
  }
  return total / MINUTE_MS;
};

/** `07:30-14:30` (Persian digits too) as office hours; undefined when malformed or not opening before closing. */
export const parseOfficeHours = (text: string): OfficeHours | undefined => {
  const match = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(toAsciiDigits(text.trim()));
  if (!match) return undefined;
  const [opensH, opensM, closesH, closesM] = match.slice(1).map(Number);
  if (opensM > 59 || closesM > 59 || opensH > 24 || closesH > 24) return undefined;
  const hours = { opens: opensH * 60 + opensM, closes: closesH * 60 + closesM };
  return hours.opens < hours.closes && hours.closes <= 1440 ? hours : undefined;
};

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const formatOfficeHours = ({ opens, closes }: OfficeHours): string => `${hhmm(opens)}-${hhmm(closes)}`;
