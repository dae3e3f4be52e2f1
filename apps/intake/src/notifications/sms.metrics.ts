import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SamadMetrics, cachedFor } from '@samad/service-kit';

/** SMS notifications by state (sent, parked = failed for good, pending, cancelled), read every 15 s at most. */
@Injectable()
export class SmsMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: SamadMetrics,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(
      cachedFor(15_000, async () => {
        const rows: { status: string; n: string }[] = await this.dataSource.query(
          `SELECT status, count(*) AS n FROM intake.notifications GROUP BY status`,
        );
        for (const row of rows) this.metrics.smsNotifications.set({ status: row.status }, Number(row.n));
      }),
    );
  }
}
