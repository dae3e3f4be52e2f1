import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isSolarHoliday } from '@samad/request-lifecycle';

/**
 * routing.holidays becomes the administrator's list (lunar holidays, one-off closures): the fixed solar
 * holidays are computed for any year now, so the rows seeded for 1405–1406 go. Holidays and category
 * deadlines record who changed them and when.
 */
export class KeepTheCalendar1766100001000 implements MigrationInterface {
  readonly name = 'KeepTheCalendar1766100001000';

  async up(q: QueryRunner): Promise<void> {
    const rows: { day: string }[] = await q.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM routing.holidays`,
    );
    const solar = rows.map((r) => r.day).filter(isSolarHoliday);
    await q.query('DELETE FROM routing.holidays WHERE day = ANY($1::date[])', [solar]);
    await q.query(`
      ALTER TABLE routing.holidays
        ADD COLUMN declared_by text NOT NULL DEFAULT 'migration',
        ADD COLUMN declared_at timestamptz NOT NULL DEFAULT now();
      ALTER TABLE routing.categories
        ADD COLUMN deadline_changed_by text,
        ADD COLUMN deadline_changed_at timestamptz;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE routing.categories DROP COLUMN deadline_changed_by, DROP COLUMN deadline_changed_at;
      ALTER TABLE routing.holidays DROP COLUMN declared_by, DROP COLUMN declared_at;`);
  }
}
