import type { MigrationInterface, QueryRunner } from 'typeorm';

// Official holidays fixed in the Jalali calendar, as Gregorian days in Tehran. Holidays of the lunar
// (Hijri) calendar move every year and are announced officially, so an administrator enters those.
const solarHolidays: readonly (readonly [day: string, nameFa: string])[] = [
  ['2026-03-21', 'عید نوروز (۱ فروردین ۱۴۰۵)'],
  ['2026-03-22', 'عید نوروز (۲ فروردین ۱۴۰۵)'],
  ['2026-03-23', 'عید نوروز (۳ فروردین ۱۴۰۵)'],
  ['2026-03-24', 'عید نوروز (۴ فروردین ۱۴۰۵)'],
  ['2026-04-01', 'روز جمهوری اسلامی (۱۲ فروردین ۱۴۰۵)'],
  ['2026-04-02', 'روز طبیعت (۱۳ فروردین ۱۴۰۵)'],
  ['2026-06-04', 'رحلت امام خمینی (۱۴ خرداد ۱۴۰۵)'],
  ['2026-06-05', 'قیام ۱۵ خرداد (۱۵ خرداد ۱۴۰۵)'],
  ['2027-02-11', 'پیروزی انقلاب اسلامی (۲۲ بهمن ۱۴۰۵)'],
  ['2027-03-20', 'ملی شدن صنعت نفت (۲۹ اسفند ۱۴۰۵)'],
  ['2027-03-21', 'عید نوروز (۱ فروردین ۱۴۰۶)'],
  ['2027-03-22', 'عید نوروز (۲ فروردین ۱۴۰۶)'],
  ['2027-03-23', 'عید نوروز (۳ فروردین ۱۴۰۶)'],
  ['2027-03-24', 'عید نوروز (۴ فروردین ۱۴۰۶)'],
  ['2027-04-01', 'روز جمهوری اسلامی (۱۲ فروردین ۱۴۰۶)'],
  ['2027-04-02', 'روز طبیعت (۱۳ فروردین ۱۴۰۶)'],
  ['2027-06-04', 'رحلت امام خمینی (۱۴ خرداد ۱۴۰۶)'],
  ['2027-06-05', 'قیام ۱۵ خرداد (۱۵ خرداد ۱۴۰۶)'],
  ['2028-02-11', 'پیروزی انقلاب اسلامی (۲۲ بهمن ۱۴۰۶)'],
  ['2028-03-19', 'ملی شدن صنعت نفت (۲۹ اسفند ۱۴۰۶)'],
];

/** Seeds routing.holidays with the fixed solar holidays of 1405 and 1406; due dates skip them. */
export class SeedHolidays1764400002000 implements MigrationInterface {
  readonly name = 'SeedHolidays1764400002000';

  async up(q: QueryRunner): Promise<void> {
    for (const [day, nameFa] of solarHolidays) {
      await q.query('INSERT INTO routing.holidays (day, name_fa) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        day,
        nameFa,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM routing.holidays WHERE day = ANY($1::date[])', [
      solarHolidays.map(([day]) => day),
    ]);
  }
}
