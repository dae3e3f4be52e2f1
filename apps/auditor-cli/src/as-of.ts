// --as-of: a Jalali day or moment (1404/09/11, 1404/09/11 14:30, Persian digits welcome), an ISO date or
// instant, or a position (commit:prepare). The dates are read exactly as reporting's `asOf` reads them.
import { comparePositions, parsePosition, type Position, type RecordedEvent } from '@samad/event-store';
import { parseAsOfMoment, toAsciiDigits } from '@samad/request-lifecycle';
import { UsageError } from './auditor-command';

export type AsOf =
  { readonly before: Date; readonly label: string } | { readonly position: Position; readonly label: string };

export const parseAsOf = (raw: string): AsOf => {
  const text = toAsciiDigits(raw.trim());
  if (/^\d+:\d+$/.test(text)) return { position: parsePosition(text), label: text };
  const moment = parseAsOfMoment(text);
  if (!moment) throw new UsageError(`--as-of: not a Jalali day, ISO date or position: ${raw}`);
  // The moment itself is included: what was recorded at it existed then.
  return { before: new Date(moment.getTime() + 1), label: raw };
};

/** Did the event exist at that moment (recorded before it, or at or before that position)? */
export const existedAt = (event: RecordedEvent, asOf: AsOf): boolean =>
  'position' in asOf
    ? comparePositions(event.position, asOf.position) <= 0
    : event.recordedAt.getTime() < asOf.before.getTime();
