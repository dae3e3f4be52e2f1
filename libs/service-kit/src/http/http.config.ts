import { z } from 'zod';

export interface HttpConfig {
  /** Browser origins allowed to call the API (CORS); none by default. */
  corsOrigins: string[];
  /** Largest accepted request body, in body-parser notation (`64kb`). */
  bodyLimit: string;
  /** Reverse proxies in front of the service whose X-Forwarded-For is believed (0: none). */
  trustProxyHops: number;
}

/** The citizen's status lookup, limited per client address and per tracking code (intake only). */
export interface TrackRateLimitConfig {
  perClientPerMinute: number;
  perCodePerMinute: number;
}

const origin = z
  .string()
  .regex(/^https?:\/\/[\w.-]+(:\d+)?$/, 'each must be an origin such as https://samad.example.ir');

const httpSchema = z.object({
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)?$/i, 'must be a size such as 64kb or 1mb')
    .default('64kb'),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

const trackSchema = z.object({
  TRACK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  TRACK_RATE_LIMIT_PER_CODE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(10),
});

/** CORS_ORIGINS, HTTP_BODY_LIMIT, TRUST_PROXY_HOPS (every service). */
export const httpConfigSchema = httpSchema.transform((values): HttpConfig => ({
  corsOrigins: values.CORS_ORIGINS,
  bodyLimit: values.HTTP_BODY_LIMIT.toLowerCase(),
  trustProxyHops: values.TRUST_PROXY_HOPS,
}));

/** The citizen's status lookup limits (intake only). */
export const trackRateLimitSchema = trackSchema.transform((values): TrackRateLimitConfig => ({
  perClientPerMinute: values.TRACK_RATE_LIMIT_PER_MINUTE,
  perCodePerMinute: values.TRACK_RATE_LIMIT_PER_CODE_PER_MINUTE,
}));
