// What the screen shows: Persian digits and Jalali dates (Tehran time) in Persian; Jalali with Latin digits in English.
import { toPersianDigits } from './domain';
import type { Lang } from './i18n';

export const digits = (text: string | number, lang: Lang): string =>
  lang === 'fa' ? toPersianDigits(String(text)) : String(text);

const formatters: Record<Lang, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    timeZone: 'Asia/Tehran',
    dateStyle: 'medium',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-persian-nu-latn', {
    timeZone: 'Asia/Tehran',
    dateStyle: 'medium',
    timeStyle: 'short',
  }),
};

/** An ISO instant as a Jalali date and time in Tehran (e.g. ۱۲ آذر ۱۴۰۵، ۱۰:۳۰). */
export const jalali = (iso: string | undefined, lang: Lang): string =>
  iso ? formatters[lang].format(new Date(iso)) : '—';

/** 10 digits read aloud in groups of three, three and four (۴۹۳-۹۱۴-۶۵۷۶). */
export const groupedCode = (code: string, lang: Lang): string =>
  digits(code.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3'), lang);

export interface TimeLeft {
  hours: number;
  tone: 'overdue' | 'today' | 'soon' | 'ok';
}

/** Wall-clock time left until the due instant, and its colour band. */
export function timeLeft(dueAt: string, now = Date.now()): TimeLeft {
  const hours = Math.floor((new Date(dueAt).getTime() - now) / 3_600_000);
  const tone = hours < 0 ? 'overdue' : hours < 24 ? 'today' : hours < 72 ? 'soon' : 'ok';
  return { hours, tone };
}

// Colours with a contrast ratio of at least 4.5:1 against white (WCAG AA) for the text on tags.
export const toneColour: Record<TimeLeft['tone'], string> = {
  overdue: '#a8071a',
  today: '#ad4e00',
  soon: '#7c5e00',
  ok: '#135200',
};

const dayFormatters: Record<Lang, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'Asia/Tehran', dateStyle: 'medium' }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-persian-nu-latn', { timeZone: 'Asia/Tehran', dateStyle: 'medium' }),
};

/** A calendar day the APIs give as `YYYY-MM-DD` (Gregorian), as a Jalali date: noon UTC is that day in Tehran. */
export const jalaliDay = (day: string | undefined, lang: Lang): string =>
  day ? dayFormatters[lang].format(new Date(`${day}T12:00:00Z`)) : '—';
