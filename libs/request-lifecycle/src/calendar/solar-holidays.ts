import { jalaliOfGregorianKey, jalaliToGregorianKey, type JalaliDate } from './jalali-date';

export interface FixedHoliday {
  readonly month: number;
  readonly day: number;
  readonly nameFa: string;
}

/**
 * Official holidays fixed in the Jalali calendar, the same days every year. 29 Esfand stays the holiday in
 * a leap year too (30 Esfand is then a normal working day). Lunar (Hijri) holidays move against the solar
 * year and are announced each year, so an administrator enters those.
 */
export const FIXED_SOLAR_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, nameFa: 'عید نوروز' },
  { month: 1, day: 2, nameFa: 'عید نوروز' },
  { month: 1, day: 3, nameFa: 'عید نوروز' },
  { month: 1, day: 4, nameFa: 'عید نوروز' },
  { month: 1, day: 12, nameFa: 'روز جمهوری اسلامی' },
  { month: 1, day: 13, nameFa: 'روز طبیعت' },
  { month: 3, day: 14, nameFa: 'رحلت امام خمینی' },
  { month: 3, day: 15, nameFa: 'قیام ۱۵ خرداد' },
  { month: 11, day: 22, nameFa: 'پیروزی انقلاب اسلامی' },
  { month: 12, day: 29, nameFa: 'ملی شدن صنعت نفت' },
];

export interface SolarHoliday {
  readonly jalali: JalaliDate;
  /** The Gregorian day in Tehran, `YYYY-MM-DD`. */
  readonly day: string;
  readonly nameFa: string;
}

/** The fixed solar holidays of one Jalali year, in calendar order. */
export const solarHolidaysOf = (year: number): SolarHoliday[] =>
  FIXED_SOLAR_HOLIDAYS.map(({ month, day, nameFa }) => {
    const jalali = { year, month, day };
    return { jalali, day: jalaliToGregorianKey(jalali), nameFa };
  });

/** Whether the Gregorian day `YYYY-MM-DD` (a Tehran date) is one of the fixed solar holidays. */
export const isSolarHoliday = (day: string): boolean => {
  const { month, day: dayOfMonth } = jalaliOfGregorianKey(day);
  return FIXED_SOLAR_HOLIDAYS.some((h) => h.month === month && h.day === dayOfMonth);
};
