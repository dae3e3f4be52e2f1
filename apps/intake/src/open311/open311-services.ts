import { categories, counties, kindLabels, type Category } from '@samad/reference-data';
import { requestKinds } from '@samad/request-lifecycle';

export type Open311Locale = 'fa' | 'en';

export const localeOf = (value: unknown): Open311Locale => (value === 'en' ? 'en' : 'fa');

/** Category families: the code's prefix, named for a client's grouped menu (the spec's `group`). */
const families: Record<string, { fa: string; en: string }> = {
  WAT: { fa: 'آب و فاضلاب', en: 'Water and sewerage' },
  PWR: { fa: 'برق', en: 'Electricity' },
  GAS: { fa: 'گاز', en: 'Gas' },
  MUN: { fa: 'شهرداری', en: 'Municipal services' },
  ROAD: { fa: 'راه', en: 'Roads' },
  EDU: { fa: 'آموزش', en: 'Education' },
  HLT: { fa: 'بهداشت و درمان', en: 'Health' },
  WEL: { fa: 'بهزیستی', en: 'Welfare' },
  LAB: { fa: 'کار و رفاه', en: 'Labour' },
  AGR: { fa: 'کشاورزی', en: 'Agriculture' },
  HSG: { fa: 'مسکن', en: 'Housing' },
  ENV: { fa: 'محیط زیست', en: 'Environment' },
  TEL: { fa: 'مخابرات', en: 'Telecommunications' },
  GEN: { fa: 'عمومی', en: 'General' },
};

const familyOf = (category: Category) => families[category.code.split('-')[0]] ?? families['GEN'];

const nameIn = (item: { nameFa: string; nameEn: string }, locale: Open311Locale): string =>
  locale === 'fa' ? item.nameFa : item.nameEn;

export const findCategory = (serviceCode: string): Category | undefined =>
  categories.find((c) => c.code === serviceCode);

/** GET services: one realtime service per Samad category (a request is registered, and coded, at once). */
export const servicesList = (locale: Open311Locale) =>
  categories.map((category) => {
    const family = familyOf(category);
    return {
      service_code: category.code,
      service_name: nameIn(category, locale),
      description:
        locale === 'fa'
          ? `${category.nameFa} — مهلت پاسخ ${category.deadlineDays} روز کاری`
          : `${category.nameEn} — answered within ${category.deadlineDays} working days`,
      metadata: true,
      type: 'realtime',
      keywords: [category.nameFa, category.nameEn, family.fa, family.en].join(', '),
      group: family[locale],
    };
  });

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

/** The attributes a registration needs beyond the spec's own fields (names, phone, description, location). */
export const attributesFor = (locale: Open311Locale): Open311Attribute[] => {
  const fa = locale === 'fa';
  return [
    {
      variable: true,
      code: 'national_code',
      datatype: 'string',
      // ADR 39: without it the request is registered against the mobile sent as `phone`.
      required: false,
      datatype_description: fa
        ? 'کد ملی ده‌رقمی شهروند (ارقام فارسی پذیرفته است)؛ اختیاری: بدون آن درخواست با شماره همراه (phone) ثبت می‌شود'
        : "The citizen's 10-digit Iranian national code, check digit included (Persian digits accepted). " +
          'Optional: without it the request is registered against the mobile sent as phone',
      order: 1,
      description: fa ? 'کد ملی' : 'National code',
    },
    {
      variable: true,
      code: 'county',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: fa
        ? 'شهرستانی از استان هرمزگان که موضوع در آن است'
        : 'The county of Hormozgan the matter is in',
      order: 2,
      description: fa ? 'شهرستان' : 'County',
      values: counties.map((c) => ({ key: c.code, name: nameIn(c, locale) })),
    },
    {
      variable: true,
      code: 'kind',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: fa
        ? 'نوع درخواست؛ اگر فرستاده نشود «درخواست»'
        : 'What kind of request it is; "request" when left out',
      order: 3,
      description: fa ? 'نوع' : 'Kind',
      values: requestKinds.map((kind) => ({ key: kind, name: nameIn(kindLabels[kind], locale) })),
    },
    {
      variable: true,
      code: 'collective',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: fa
        ? 'درخواست جمعی (چند امضاکننده) فقط در میز ارتباطات مردمی ثبت می‌شود؛ از این درگاه فقط فردی'
        : 'Collective requests (several signatories) are registered at the desk only; here always individual',
      order: 4,
      description: fa ? 'جمعی' : 'Collective',
      values: [{ key: 'false', name: fa ? 'فردی' : 'Individual' }],
    },
  ];
};
