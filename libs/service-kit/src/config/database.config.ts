import { z } from 'zod';
import { DEFAULT_POSTGRES_TIMEOUTS, type PostgresTimeouts } from '@samad/event-store';

const milliseconds = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** PG_*_TIMEOUT_MS: the limits every PostgreSQL pool of the service applies (TypeORM, event store, key vault). */
export const databaseTimeoutsSchema = z
  .object({
    PG_CONNECT_TIMEOUT_MS: milliseconds(DEFAULT_POSTGRES_TIMEOUTS.connectTimeoutMs, 100, 120_000),
    PG_STATEMENT_TIMEOUT_MS: milliseconds(DEFAULT_POSTGRES_TIMEOUTS.statementTimeoutMs, 100, 3_600_000),
    PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds(
      DEFAULT_POSTGRES_TIMEOUTS.idleInTransactionTimeoutMs,
      100,
      3_600_000,
    ),
  })
  .transform((values): PostgresTimeouts => ({
    connectTimeoutMs: values.PG_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: values.PG_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: values.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  }));
