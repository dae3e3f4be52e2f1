// --as-of: a Jalali day (1404/09/11, Persian digits welcome), an ISO date or instant, or a position (commit:prepare).
import { parsePosition, type Position, type RecordedEvent } from '@samad/event-store';
import {
  fromTehranWallClock,
  jalaliToGregorianKey,
  parseJalaliDate,
  toAsciiDigits,
} from '@samad/request-lifecycle';
import { comparePositions } from '@samad/event-store';
import { UsageError } from './auditor-command';

export type AsOf =
  { readonly before: Date; readonly label: string } | { readonly position: Position; readonly label: string };

const endOfTehranDay = (gregorianKey: string): Date => {
  const [year, month, day] = gregorianKey.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return fromTehranWallClock({
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
};

export const parseAsOf = (raw: string): AsOf => {
  const text = toAsciiDigits(raw.trim());
  if (/^\d+:\d+$/.test(text)) return { position: parsePosition(text), label: text };
  const jalali = parseJalaliDate(text);
  // A Jalali year is below 1700 and a Gregorian one above it: the day is whole, up to its end in Tehran.
  if (jalali && jalali.year < 1700)
    return { before: endOfTehranDay(jalaliToGregorianKey(jalali)), label: raw };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { before: endOfTehranDay(text), label: raw };
  const instant = new Date(text);
  if (!Number.isNaN(instant.getTime()) && /^\d{4}-\d{2}-\d{2}T/.test(text)) {
    return { before: new Date(instant.getTime() + 1), label: raw };
  }
  throw new UsageError(`--as-of: not a Jalali day, ISO date or position: ${raw}`);
};

/** Did the event exist at that moment (recorded before it, or at or before that position)? */
export const existedAt = (event: RecordedEvent, asOf: AsOf): boolean =>
  'position' in asOf
    ? comparePositions(event.position, asOf.position) <= 0
    : event.recordedAt.getTime() < asOf.before.getTime();
