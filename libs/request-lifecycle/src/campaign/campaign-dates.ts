import { isValidJalaliDate, jalaliToGregorianKey } from '../calendar/jalali-date';
import { fromTehranWallClock } from '../calendar/tehran-time';
import { toAsciiDigits } from '../shared/persian-text';

// Campaign and letter dates (ADR 28): typed as Jalali (۱۴۰۵/۰۹/۱۲) or ISO (2026-12-03), kept as a
// Gregorian day key; a campaign's target day ends at midnight Tehran time.

const DAY = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** A day typed as Jalali (year below 1700) or Gregorian ISO → `YYYY-MM-DD` Gregorian, or undefined. */
export const parseCalendarDay = (text: string): string | undefined => {
  const match = DAY.exec(toAsciiDigits(String(text ?? '').trim()));
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1700) {
    return isValidJalaliDate({ year, month, day }) ? jalaliToGregorianKey({ year, month, day }) : undefined;
  }
  const key = `${year}-${pad(month)}-${pad(day)}`;
  const date = new Date(`${key}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March; a day the month does not have is refused instead.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === key ? key : undefined;
};

/** The last millisecond of a Gregorian day on Tehran's wall clock. */
export const endOfTehranDay = (dayKey: string): Date => {
  const [year, month, day] = dayKey.split('-').map(Number);
  return fromTehranWallClock({ year, month, day, hour: 23, minute: 59, second: 59, millisecond: 999 });
};

/** due = min(normal due, the campaign's target): a campaign letter is never due after its campaign's target. */
export const capDueByCampaign = (dueAt: Date, campaignTargetAt: string | undefined): Date => {
  if (campaignTargetAt === undefined) return dueAt;
  const target = new Date(campaignTargetAt);
  return target.getTime() < dueAt.getTime() ? target : dueAt;
};
