import { TEHRAN_TIME_ZONE } from './tehran-time';

// Built once: constructing an Intl formatter costs far more than formatting with it.
const jalali = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  timeZone: TEHRAN_TIME_ZONE,
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A UTC instant as citizens and staff read it: Jalali calendar, Tehran time, Persian digits (e.g. ۱ فروردین ۱۴۰۳، ۱۵:۳۰). */
export const formatJalali = (date: Date): string => jalali.format(date);
