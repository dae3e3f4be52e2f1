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
    CALENDAR_OFFICE_HOURS: z.string().default(formatOfficeHours(DEFAULT_OFFICE_HOURS)),
  })
  .transform((values, ctx): WorkingCalendarConfig => {
    const officeHours = parseOfficeHours(values.CALENDAR_OFFICE_HOURS);
    if (!officeHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['CALENDAR_OFFICE_HOURS'],
        message: 'must be HH:MM-HH:MM, opening before closing (e.g. 07:30-14:30)',
      });
      return z.NEVER;
    }
    return { thursday: values.CALENDAR_THURSDAY, officeHours };
  });
