import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { cachedFor } from '../health/cached-for';
import { ReadinessService } from '../health/readiness.service';
import { SERVICE_CONFIG } from '../service-tokens';
import { SamadMetrics } from './samad-metrics';

/** Gauges read at scrape time from what the service already knows: its readiness checks and parked messages. */
@Injectable()
export class ReadinessMetrics implements OnModuleInit {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: SamadMetrics,
    private readonly readiness: ReadinessService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      const { checks } = await this.readiness.evaluate();
      for (const [check, outcome] of Object.entries(checks))
        this.metrics.readinessUp.set({ check }, outcome.status === 'up' ? 1 : 0);
    });
    this.metrics.onScrape(cachedFor(5000, () => this.countParked()));
  }

  private async countParked(): Promise<void> {
    const rows: { consumer: string; reason: string; n: string }[] = await this.dataSource.query(
      `SELECT consumer, reason, count(*) AS n FROM "${this.config.service}".parked_messages
        WHERE redriven_at IS NULL GROUP BY consumer, reason`,
    );
    // Reasons that emptied disappear rather than keep their last count, so "anything parked" alerts resolve.
    this.metrics.parkedMessages.reset();
    for (const row of rows)
      this.metrics.parkedMessages.set({ group: row.consumer, reason: row.reason }, Number(row.n));
  }
}
