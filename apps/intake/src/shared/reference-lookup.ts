import { agencies, categories, counties } from '@samad/reference-data';

export interface NamedRef {
  code: string;
  nameFa: string;
  nameEn: string;
}

const byCode = <T extends { code: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((item) => [item.code, item]));

const countyByCode = byCode(counties);
const categoryByCode = byCode(categories);
const agencyByCode = byCode(agencies);

export const countyCodes: readonly string[] = counties.map((c) => c.code);
export const categoryCodes: readonly string[] = categories.map((c) => c.code);

// An unknown code (reference data changed since the event) is still shown, with the code as its name.
const named = (code: string, found?: { nameFa: string; nameEn: string }): NamedRef => ({
  code,
  nameFa: found?.nameFa ?? code,
  nameEn: found?.nameEn ?? code,
});

export const countyRef = (code: string): NamedRef => named(code, countyByCode.get(code));
export const categoryRef = (code: string): NamedRef => named(code, categoryByCode.get(code));
export const agencyRef = (code: string): NamedRef => named(code, agencyByCode.get(code));
