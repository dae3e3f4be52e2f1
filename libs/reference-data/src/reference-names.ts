import { agencies, categories, counties } from './hormozgan.catalog';
import { channelLabels, kindLabels, statusLabels, type Label } from './request-labels';

/** What can be named: the catalog's counties, categories and agencies, and the request vocabulary. */
export type NamedKind = 'county' | 'category' | 'agency' | 'requestKind' | 'channel' | 'status';

export interface NamedRef {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

const tableOf = (items: readonly (Label & { code: string })[]): ReadonlyMap<string, Label> =>
  new Map(items.map(({ code, nameFa, nameEn }) => [code, { nameFa, nameEn }]));

const tables: Readonly<Record<NamedKind, ReadonlyMap<string, Label>>> = {
  county: tableOf(counties),
  category: tableOf(categories),
  agency: tableOf(agencies),
  requestKind: new Map(Object.entries(kindLabels)),
  channel: new Map(Object.entries(channelLabels)),
  status: new Map(Object.entries(statusLabels)),
};

/**
 * The code with its Persian and English names. The one fallback: a code the catalog does not know (the
 * reference data changed since the event was recorded) is still shown, with the code as both names.
 */
export function nameOf(kind: NamedKind, code: string): NamedRef {
  const found = tables[kind].get(code);
  return { code, nameFa: found?.nameFa ?? code, nameEn: found?.nameEn ?? code };
}

/** Every known code of a kind, in catalog order (for validation and OpenAPI enums). */
export const codesOf = (kind: NamedKind): readonly string[] => [...tables[kind].keys()];

export const isKnownCode = (kind: NamedKind, code: string): boolean => tables[kind].has(code);
