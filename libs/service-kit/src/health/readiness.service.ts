import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config';
import { SERVICE_CONFIG } from '../service-tokens';
import { cachedFor } from './cached-for';
import { withDeadline } from './deadline';
import { KafkaReadiness } from './kafka.readiness';
import { PostgresReadiness } from './postgres.readiness';
import { ReadinessRegistry, type ReadinessCheck, type ReadinessReport } from './readiness.registry';

/** One check's answer as `GET /health/ready` shows it. */
export interface CheckOutcome {
  status: 'up' | 'down';
  details?: Record<string, unknown>;
  error?: string;
}

export interface Readiness {
  service: string;
  status: 'ready' | 'not_ready';
  down?: string[];
  checks: Record<string, CheckOutcome>;
}

/** How long one answer serves every probe: a storm of probes costs one round of checks. */
export const READINESS_CACHE_MS = 1000;
/** A check that has not answered by then counts as down (k8s gives the whole probe 5 s). */
export const READINESS_CHECK_DEADLINE_MS = 2000;

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);

async function outcomeOf(name: string, check: ReadinessCheck): Promise<CheckOutcome> {
  try {
    const report = await withDeadline(Promise.resolve().then(check), READINESS_CHECK_DEADLINE_MS, name);
    const outcome: CheckOutcome = { status: report.ready ? 'up' : 'down' };
    if (report.details) outcome.details = report.details;
    return outcome;
  } catch (error) {
    return { status: 'down', error: firstLine(error) };
  }
}

const reachable = (check: () => Promise<void>) => async (): Promise<ReadinessReport> => {
  await check();
  return { ready: true };
};

/** PostgreSQL, Kafka and every registered component, checked together, at most once a second. */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger('Readiness');
  private readonly last = new Map<string, CheckOutcome['status']>();
  readonly evaluate: () => Promise<Readiness> = cachedFor(READINESS_CACHE_MS, () => this.checkAll());

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly postgres: PostgresReadiness,
    private readonly kafka: KafkaReadiness,
    private readonly registry: ReadinessRegistry,
  ) {}

  private async checkAll(): Promise<Readiness> {
    const checks: [string, ReadinessCheck][] = [
      ['postgres', reachable(() => this.postgres.check())],
      ['kafka', reachable(() => this.kafka.check())],
      ...this.registry.entries(),
    ];
    const outcomes = await Promise.all(
      checks.map(async ([name, check]) => [name, await outcomeOf(name, check)] as const),
    );
    for (const [name, outcome] of outcomes) this.noteChange(name, outcome);
    const down = outcomes.filter(([, outcome]) => outcome.status === 'down').map(([name]) => name);
    return {
      service: this.config.service,
      status: down.length === 0 ? 'ready' : 'not_ready',
      ...(down.length > 0 && { down }),
      checks: Object.fromEntries(outcomes),
    };
  }

  // Logged when a check flips, not on every probe, so an outage leaves two lines rather than thousands.
  private noteChange(name: string, outcome: CheckOutcome): void {
    const before = this.last.get(name);
    this.last.set(name, outcome.status);
    if (before === outcome.status || (before === undefined && outcome.status === 'up')) return;
    if (outcome.status === 'down') {
      this.logger.warn({
        msg: 'readiness check down',
        check: name,
        error: outcome.error,
        details: outcome.details,
      });
    } else {
      this.logger.log({ msg: 'readiness check up again', check: name });
    }
  }
}
