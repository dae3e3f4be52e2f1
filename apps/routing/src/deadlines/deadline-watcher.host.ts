import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { EVENT_STORE, JsonLogger, SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import { DirectiveWatcher } from '../directives/directive-watcher';
import { DeadlineWatcher } from './deadline-watcher';

/** Runs the deadline watcher in every routing replica, every DEADLINE_WATCH_INTERVAL_MS. */
@Injectable()
export class DeadlineWatcherHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly watcher: DeadlineWatcher;
  /** Directives' due times (ADR 37), on the same tick. */
  private readonly directives: DirectiveWatcher;
  private readonly log: JsonLogger;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    dataSource: DataSource,
  ) {
    const { inspectionAfterWorkingDays } = config.deadlineWatch ?? { inspectionAfterWorkingDays: 3 };
    this.watcher = new DeadlineWatcher(store, dataSource, {
      inspectionAfterWorkingDays,
      workingCalendar: config.workingCalendar,
    });
    this.directives = new DirectiveWatcher(store, dataSource);
    this.log = new JsonLogger('routing-deadline-watcher', config.logLevel);
  }

  onApplicationBootstrap(): void {
    const intervalMs = this.config.deadlineWatch?.intervalMs ?? 15000;
    this.timer = setInterval(() => {
      // One pass at a time per replica; a slow pass makes the next tick skip.
      this.running ??= this.watcher
        .runOnce()
        .then(() => this.directives.runOnce())
        .then(() => undefined)
        .catch((error: unknown) => this.log.error(`deadline watcher pass failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
