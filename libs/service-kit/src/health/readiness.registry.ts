import { Injectable } from '@nestjs/common';

/** What one component says about whether this replica should take traffic. */
export interface ReadinessReport {
  ready: boolean;
  details?: Record<string, unknown>;
}

export type ReadinessCheck = () => ReadinessReport | Promise<ReadinessReport>;

// The dependencies the health controller checks itself; a component may not take their names.
const RESERVED = new Set(['postgres', 'kafka']);

/**
 * The components that have a say in `GET /health/ready` beyond PostgreSQL and Kafka (a consumer that
 * stalls, a relay that lags...). Each registers a cheap check once, and unregisters on shutdown.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, { check: ReadinessCheck }>();

  /** Adds a check under a unique name; the returned function removes it again. */
  register(name: string, check: ReadinessCheck): () => void {
    if (!/^[a-z][a-z0-9_.-]*$/i.test(name))
      throw new Error(`readiness check name "${name}" is not a plain name`);
    if (RESERVED.has(name) || this.checks.has(name)) {
      throw new Error(`a readiness check named "${name}" is already registered`);
    }
    const entry = { check };
    this.checks.set(name, entry);
    return () => {
      // Only this registration: a later one under the same name stays.
      if (this.checks.get(name) === entry) this.checks.delete(name);
    };
  }

  /** The registered checks, in registration order. */
  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()].map(([name, { check }]) => [name, check]);
  }
}
