import { z } from 'zod';

/** Whether this is a production deployment, and what that forbids. */
export interface DeploymentConfig {
  /** NODE_ENV=production: demo users may not sign in even if rows for them exist. */
  production: boolean;
}

/**
 * NODE_ENV and SAMAD_DEMO_USERS. The demo users share one published password, so a production service
 * started with them enabled stops at start-up rather than serving with known credentials.
 */
export const deploymentSchema = z
  .object({ NODE_ENV: z.string().optional(), SAMAD_DEMO_USERS: z.string().optional() })
  .transform((values, ctx): DeploymentConfig => {
    const production = values.NODE_ENV === 'production';
    if (production && values.SAMAD_DEMO_USERS?.trim() === '1') {
      ctx.addIssue({
        code: 'custom',
        path: ['SAMAD_DEMO_USERS'],
        message: 'must not be 1 with NODE_ENV=production (the demo users share a published password)',
      });
      return z.NEVER;
    }
    return { production };
  });
