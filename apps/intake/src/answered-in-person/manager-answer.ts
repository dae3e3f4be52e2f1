import { categories, countyRules } from '@samad/reference-data';
import {
  jalaliOfGregorianKey,
  solarHolidaysOf,
  type AnswerOutcome,
  type WorkingCalendar,
} from '@samad/request-lifecycle';
import type { WorkingCalendarConfig } from '@samad/service-kit';

/** The answer an agency's manager gives in person (ADR 38), for the agency in the manager's token. */
export interface ManagerAnswer {
  readonly agencyCode: string;
  readonly outcome: AnswerOutcome;
  readonly text: string;
}

/** The manager's agency is not the one the rules send this category to in this county. */
export class CategoryNotRoutedToAgencyError extends Error {
  readonly code = 'CATEGORY_NOT_ROUTED_TO_AGENCY';

  constructor(agencyCode: string, categoryCode: string, countyCode: string) {
    super(`category ${categoryCode} in ${countyCode} is not routed to ${agencyCode}`);
  }
}

/**
 * The agency the catalog's rules send a category to in a county: the county's rule first, else the
 * category's default (as routing's seeded rules do). Undefined when nobody has it (a supervisor routes it).
 */
export const agencyRoutedFor = (categoryCode: string, countyCode: string): string | undefined =>
  countyRules.find((r) => r.categoryCode === categoryCode && r.countyCode === countyCode)?.agencyCode ??
  categories.find((c) => c.code === categoryCode)?.defaultAgency;

/**
 * The office calendar intake knows without routing's database: the configured Thursday and hours and the
 * fixed solar holidays of this Jalali year and the next (holidays an administrator declared are routing's).
 */
export const officeCalendarAround = (now: Date, settings: WorkingCalendarConfig): WorkingCalendar => {
  const year = jalaliOfGregorianKey(now.toISOString().slice(0, 10)).year;
  return {
    ...settings,
    holidays: new Set([...solarHolidaysOf(year), ...solarHolidaysOf(year + 1)].map((h) => h.day)),
  };
};
