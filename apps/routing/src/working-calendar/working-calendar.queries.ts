import {
  addWorkingMinutes,
  dueAfterWorkingDays,
  type RequestPriority,
  type WorkingCalendar,
} from '@samad/request-lifecycle';
import type { WorkingCalendarConfig } from '@samad/service-kit';
import type { Sql } from '../routing-data/routing-data.queries';

/**
 * The calendar as of `now`: configuration's Thursday and office hours, plus the holidays administrators
 * declared from today on. Read from the database on every use, so a holiday declared on one replica
 * counts on every replica from its next due date.
 */
export async function workingCalendarAt(
  sql: Sql,
  settings: WorkingCalendarConfig,
  now: Date,
): Promise<WorkingCalendar> {
  const rows: { day: string }[] = await sql.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM routing.holidays
      WHERE day >= ($1::timestamptz AT TIME ZONE 'Asia/Tehran')::date`,
    [now.toISOString()],
  );
  return { ...settings, holidays: new Set(rows.map((r) => r.day)) };
}

/**
 * When the agency must answer a request of this category routed `now`: the category's deadline in
 * working days (as an administrator set it), in office time. Undefined for a category routing does not know.
 */
export async function dueDateFor(
  sql: Sql,
  categoryCode: string,
  now: Date,
  settings: WorkingCalendarConfig,
): Promise<Date | undefined> {
  const [category] = await sql.query(
    'SELECT deadline_days AS "deadlineDays" FROM routing.categories WHERE code = $1',
    [categoryCode],
  );
  if (!category) return undefined;
  return dueAfterWorkingDays(now, Number(category.deadlineDays), await workingCalendarAt(sql, settings, now));
}

/**
 * The due date of a request just routed: a critical one (danger to life or property) gets its own short
 * deadline in office time, every other one its category's.
 */
export async function dueDateForPriority(
  sql: Sql,
  request: { categoryCode: string; priority: RequestPriority },
  now: Date,
  settings: WorkingCalendarConfig,
  criticalWorkingMinutes: number,
): Promise<Date | undefined> {
  if (request.priority !== 'critical') return dueDateFor(sql, request.categoryCode, now, settings);
  return addWorkingMinutes(now, criticalWorkingMinutes, await workingCalendarAt(sql, settings, now));
}
