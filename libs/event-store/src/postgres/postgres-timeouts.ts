import type { PoolConfig } from 'pg';

/**
 * Time limits of every PostgreSQL pool of a service (its TypeORM pool, the event store's, the key vault's),
 * read once from PG_CONNECT_TIMEOUT_MS, PG_STATEMENT_TIMEOUT_MS and PG_IDLE_IN_TRANSACTION_TIMEOUT_MS.
 */
export interface PostgresTimeouts {
  /** Connecting a new client, and waiting for a free one when the pool is full (pg-pool uses one limit). */
  readonly connectTimeoutMs: number;
  /** The server cancels a longer statement with SQLSTATE 57014 (a transient failure: retried). */
  readonly statementTimeoutMs: number;
  /** The server ends a session left idle inside an open transaction, releasing its locks. */
  readonly idleInTransactionTimeoutMs: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = {
  connectTimeoutMs: 5000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

/** The pg pool settings that apply the timeouts (statement and idle limits are enforced by the server). */
export const poolTimeoutSettings = (
  timeouts: PostgresTimeouts = DEFAULT_POSTGRES_TIMEOUTS,
): Pick<
  PoolConfig,
  'connectionTimeoutMillis' | 'statement_timeout' | 'idle_in_transaction_session_timeout'
> => ({
  connectionTimeoutMillis: timeouts.connectTimeoutMs,
  statement_timeout: timeouts.statementTimeoutMs,
  idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
});
