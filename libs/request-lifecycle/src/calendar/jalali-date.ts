import { toAsciiDigits } from '../shared/persian-text';

/** A day of the Jalali (Solar Hijri) calendar, Iran's official calendar: month 1 = Farvardin … 12 = Esfand. */
export interface JalaliDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Borkowski's arithmetic for the official (astronomical) calendar: years in which the 33-year leap cycle
// breaks. Valid for Jalali years -61 to 3177, as in the jalaali-js reference implementation.
const BREAKS = [
  -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
];
export const FIRST_JALALI_YEAR = BREAKS[0];
export const LAST_JALALI_YEAR = BREAKS[BREAKS.length - 1] - 1;

const div = (a: number, b: number): number => Math.trunc(a / b);
const mod = (a: number, b: number): number => a - Math.trunc(a / b) * b;

const assertSupportedYear = (year: number): void => {
  if (!Number.isInteger(year) || year < FIRST_JALALI_YEAR || year > LAST_JALALI_YEAR)
    throw new RangeError(`Jalali year outside ${FIRST_JALALI_YEAR}–${LAST_JALALI_YEAR}: ${year}`);
};

/** The Jalali year's leap state and the day of March (Gregorian year + 621) on which its 1 Farvardin falls. */
const yearFacts = (year: number): { leap: boolean; gregorianYear: number; marchDay: number } => {
  assertSupportedYear(year);
  const gregorianYear = year + 621;
  let leapJ = -14;
  let previousBreak = BREAKS[0];
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i++) {
    const nextBreak = BREAKS[i];
    jump = nextBreak - previousBreak;
    if (year < nextBreak) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    previousBreak = nextBreak;
  }
  let n = year - previousBreak;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gregorianYear, 4) - div((div(gregorianYear, 100) + 1) * 3, 4) - 150;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { leap: leap === 0, gregorianYear, marchDay: 20 + leapJ - leapG };
};

/** Whether Esfand of this Jalali year has 30 days. */
export const isJalaliLeapYear = (year: number): boolean => yearFacts(year).leap;

export const jalaliMonthLength = (year: number, month: number): number => {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isJalaliLeapYear(year) ? 30 : 29;
};

export const isValidJalaliDate = ({ year, month, day }: JalaliDate): boolean =>
  Number.isInteger(year) &&
  year >= FIRST_JALALI_YEAR &&
  year <= LAST_JALALI_YEAR &&
  Number.isInteger(month) &&
  month >= 1 &&
  month <= 12 &&
  Number.isInteger(day) &&
  day >= 1 &&
  day <= jalaliMonthLength(year, month);

const DAY_MS = 86_400_000;
const dayOfYear = (month: number, day: number): number =>
  month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;

/** UTC midnight of the Gregorian day that is `date` (a calendar day, no time zone involved). */
const utcMidnightOf = (date: JalaliDate): number => {
  if (!isValidJalaliDate(date)) throw new RangeError(`not a Jalali date: ${JSON.stringify(date)}`);
  const { gregorianYear, marchDay } = yearFacts(date.year);
  return Date.UTC(gregorianYear, 2, marchDay) + (dayOfYear(date.month, date.day) - 1) * DAY_MS;
};

/** The Gregorian calendar day of a Jalali date as `YYYY-MM-DD` (the holiday calendar's key). */
export const jalaliToGregorianKey = (date: JalaliDate): string =>
  new Date(utcMidnightOf(date)).toISOString().slice(0, 10);

/** The Jalali date of a Gregorian calendar day given as `YYYY-MM-DD`. */
export const jalaliOfGregorianKey = (key: string): JalaliDate => {
  const midnight = Date.parse(`${key}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || Number.isNaN(midnight))
    throw new RangeError(`not a YYYY-MM-DD day: ${key}`);
  const gregorianYear = new Date(midnight).getUTCFullYear();
  // Farvardin 1 falls in March: before it, the day belongs to the Jalali year that began the March before.
  let year = gregorianYear - 621;
  let start = utcMidnightOf({ year, month: 1, day: 1 });
  if (midnight < start) {
    year -= 1;
    start = utcMidnightOf({ year, month: 1, day: 1 });
  }
  const index = Math.round((midnight - start) / DAY_MS); // 0-based day of the Jalali year
  const month = index < 186 ? Math.floor(index / 31) + 1 : Math.floor((index - 186) / 30) + 7;
  const day = index < 186 ? (index % 31) + 1 : ((index - 186) % 30) + 1;
  return { year, month, day };
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `1410-01-05`: the machine form the APIs use for a Jalali day (Latin digits, zero-padded). */
export const formatJalaliDate = ({ year, month, day }: JalaliDate): string =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/**
 * A Jalali day as people type it: `1410/1/5`, `1410-01-05`, Persian or Arabic-Indic digits
 * (`۱۴۱۰/۰۱/۰۵`). Undefined for anything else, including days the month does not have (30 Esfand of a
 * common year, 31 Mehr).
 */
export const parseJalaliDate = (text: string): JalaliDate | undefined => {
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(toAsciiDigits(text.trim()));
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidJalaliDate(date) ? date : undefined;
};
