export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

/** A local date and time on Tehran's wall clock (month 1-12, Gregorian). */
export interface TehranWallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const wallClockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TEHRAN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const assertValidDate = (date: Date): void => {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError('invalid date');
};

export const toTehranWallClock = (date: Date): TehranWallClock => {
  assertValidDate(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(wallClockFormat.formatToParts(date).find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
    millisecond: date.getUTCMilliseconds(),
  };
};

const wallClockAsUtc = (w: TehranWallClock): number =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);

/** The instant at which Tehran's wall clock shows `wall` (Iran observed DST until 2022, so the offset varies). */
export const fromTehranWallClock = (wall: TehranWallClock): Date => {
  const target = wallClockAsUtc(wall);
  const offsetAt = (instant: number): number =>
    wallClockAsUtc(toTehranWallClock(new Date(instant))) - instant;
  // Second pass settles instants whose offset differs from the first guess's (around a DST change).
  const firstGuess = target - offsetAt(target);
  return new Date(target - offsetAt(firstGuess));
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The Gregorian date in Tehran as `YYYY-MM-DD`: the key of the holiday calendar. */
export const tehranDateKey = (date: Date): string => {
  const { year, month, day } = toTehranWallClock(date);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
};
