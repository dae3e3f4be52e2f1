import {
  jalaliOfGregorianKey,
  parseJalaliDate,
  toPersianDigits,
  type JalaliDate,
} from '@samad/request-lifecycle';
import { InputValidationError } from '@samad/service-kit';

const monthNames = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
];

// Holidays are declared for the calendar in use, not for history or the far future.
export const DECLARABLE_YEARS = { min: 1400, max: 1499 } as const;

/** `۱۵ تیر ۱۴۱۰`. */
export const jalaliDateFa = ({ year, month, day }: JalaliDate): string =>
  toPersianDigits(`${day} ${monthNames[month - 1]} ${year}`);

/** A Jalali date from the caller, or a 400 naming the field. */
export const jalaliDateInput = (text: string, field: string): JalaliDate => {
  const date = parseJalaliDate(text);
  if (!date) {
    throw new InputValidationError([
      {
        field,
        message:
          'تاریخ شمسی معتبر نیست؛ به شکل ۱۴۱۰/۰۴/۱۵ (not a Jalali date: YYYY/MM/DD, a day the month has)',
      },
    ]);
  }
  if (date.year < DECLARABLE_YEARS.min || date.year > DECLARABLE_YEARS.max) {
    throw new InputValidationError([
      { field, message: `year must be ${DECLARABLE_YEARS.min}–${DECLARABLE_YEARS.max}` },
    ]);
  }
  return date;
};

/** The Jalali year `now` falls in, in Tehran. */
export const jalaliYearOf = (tehranDay: string): number => jalaliOfGregorianKey(tehranDay).year;
