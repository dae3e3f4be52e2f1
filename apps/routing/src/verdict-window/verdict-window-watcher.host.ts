import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { EVENT_STORE, JsonLogger, SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import { VerdictWindowWatcher } from './verdict-window-watcher';

/** Runs the verdict-window watcher in every routing replica, every VERDICT_WATCH_INTERVAL_MS. */
@Injectable()
export class VerdictWindowWatcherHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly watcher: VerdictWindowWatcher;
  private readonly log: JsonLogger;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    dataSource: DataSource,
  ) {
    this.watcher = new VerdictWindowWatcher(store, dataSource, config.verdict.windowDays);
    this.log = new JsonLogger('routing-verdict-window-watcher', config.logLevel);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // One pass at a time per replica; a slow pass makes the next tick skip.
      this.running ??= this.watcher
        .runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.log.error(`verdict window watcher pass failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, this.config.verdict.watchIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
