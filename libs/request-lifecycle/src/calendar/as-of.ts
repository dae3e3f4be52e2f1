import { toAsciiDigits } from '../shared/persian-text';
import { isValidJalaliDate, jalaliToGregorianKey } from './jalali-date';
import { fromTehranWallClock } from './tehran-time';

// Years tell the calendars apart (Jalali 1200-1499, Gregorian from 1500). 1404/09/11, 1404-9-11, optionally with a Tehran wall-clock time: 1404/09/11 14:30 or 1404/09/11T14:30:05.
const JALALI = /^(1[2-4]\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DAY = /^((?:1[5-9]|2\d)\d{2})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last millisecond of a Gregorian day on Tehran's wall clock. */
const endOfTehranDay = (year: number, month: number, day: number): Date =>
  new Date(
    fromTehranWallClock({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }).getTime() +
      DAY_MS -
      1,
  );

/**
 * The instant an `asOf` names: an ISO-8601 instant with its offset, or a Jalali date (Persian or Latin digits)
 * with an optional Tehran time. A day without a time means the whole of that day in Tehran (its last moment),
 * as in "the report as of 11 Azar". Undefined for anything else, including days the month does not have.
 */
export function parseAsOfMoment(text: string): Date | undefined {
  const value = toAsciiDigits(text.trim());
  if (ISO_INSTANT.test(value)) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  const iso = ISO_DAY.exec(value);
  if (iso) {
    const [year, month, day] = iso.slice(1).map(Number);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    return endOfTehranDay(year, month, day);
  }
  const jalali = JALALI.exec(value);
  if (!jalali) return undefined;
  const date = { year: Number(jalali[1]), month: Number(jalali[2]), day: Number(jalali[3]) };
  if (!isValidJalaliDate(date)) return undefined;
  const [year, month, day] = jalaliToGregorianKey(date).split('-').map(Number);
  if (jalali[4] === undefined) return endOfTehranDay(year, month, day);
  const [hour, minute, second] = [Number(jalali[4]), Number(jalali[5]), Number(jalali[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return fromTehranWallClock({ year, month, day, hour, minute, second, millisecond: 0 });
}
