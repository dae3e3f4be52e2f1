import { z } from 'zod';
import {
  PersonalDataConfigError,
  derivePersonalDataKeys,
  parsePersonalDataSecret,
  type PersonalDataKeys,
} from '@samad/personal-data';

/** PERSONAL_DATA_SECRET (a development default outside NODE_ENV=production), as the keys derived from it. */
export const personalDataSchema = z
  .object({ PERSONAL_DATA_SECRET: z.string().optional(), NODE_ENV: z.string().optional() })
  .transform((values, ctx): PersonalDataKeys => {
    try {
      return derivePersonalDataKeys(
        parsePersonalDataSecret(values.PERSONAL_DATA_SECRET, values.NODE_ENV === 'production'),
      );
    } catch (error) {
      if (!(error instanceof PersonalDataConfigError)) throw error;
      ctx.addIssue({ code: 'custom', path: [error.variable], message: error.problem });
      return z.NEVER;
    }
  });
