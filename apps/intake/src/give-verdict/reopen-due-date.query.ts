import { dueAfterWorkingDays } from '@samad/request-lifecycle';
import type { WorkingCalendarConfig } from '@samad/service-kit';
import type { EntityManager } from 'typeorm';

// Used only when routing does not know the category any more (it was routed, so it knew it then).
const FALLBACK_DEADLINE_WORKING_DAYS = 5;

/**
 * When the agency must answer a request reopened `now` by the citizen's objection: the category's deadline
 * in working days, by the holidays administrators declared. Reads routing's calendar tables read-only
 * (ADR 25): routing owns them, intake only needs the same due date routing would compute.
 */
export async function reopenDueDate(
  sql: Pick<EntityManager, 'query'>,
  categoryCode: string,
  now: Date,
  settings: WorkingCalendarConfig,
): Promise<Date> {
  const [category]: { deadlineDays: number }[] = await sql.query(
    'SELECT deadline_days AS "deadlineDays" FROM routing.categories WHERE code = $1',
    [categoryCode],
  );
  const holidays: { day: string }[] = await sql.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM routing.holidays
      WHERE day >= ($1::timestamptz AT TIME ZONE 'Asia/Tehran')::date`,
    [now.toISOString()],
  );
  const days = category ? Number(category.deadlineDays) : FALLBACK_DEADLINE_WORKING_DAYS;
  return dueAfterWorkingDays(now, days, { ...settings, holidays: new Set(holidays.map((r) => r.day)) });
}
