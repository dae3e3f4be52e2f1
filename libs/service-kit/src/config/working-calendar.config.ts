import { z } from 'zod';
import {
  DEFAULT_OFFICE_HOURS,
  formatOfficeHours,
  parseOfficeHours,
  thursdayRules,
  type OfficeHours,
  type ThursdayRule,
} from '@samad/request-lifecycle';

/** How the offices work, for due dates: Thursday's rule and office hours (holidays come from the database). */
export interface WorkingCalendarConfig {
  thursday: ThursdayRule;
  officeHours: OfficeHours;
}

/** CALENDAR_THURSDAY (off | half | working) and CALENDAR_OFFICE_HOURS (`07:30-14:30`, Tehran time). */
export const workingCalendarSchema = z
  .object({
    CALENDAR_THURSDAY: z.enum(thursdayRules).default('working'),
    // Checked on the field itself so a wrong Thursday does not hide a wrong office hours value.
    CALENDAR_OFFICE_HOURS: z
      .string()
      .default(formatOfficeHours(DEFAULT_OFFICE_HOURS))
      .refine((text) => parseOfficeHours(text) !== undefined, {
        message: 'must be HH:MM-HH:MM, opening before closing (e.g. 07:30-14:30)',
      }),
  })
  .transform((values): WorkingCalendarConfig => ({
    thursday: values.CALENDAR_THURSDAY,
    officeHours: parseOfficeHours(values.CALENDAR_OFFICE_HOURS) ?? DEFAULT_OFFICE_HOURS,
  }));
