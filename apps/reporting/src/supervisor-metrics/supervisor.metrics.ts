import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SamadMetrics, cachedFor } from '@samad/service-kit';
import { HELD_BY_AGENCY, OPEN } from '@samad/reporting-read-model';

interface AgencyCount {
  agency: string;
  open: string;
  overdue: string;
  missed: string;
}

/** Supervisors' gauges (open, overdue, missed per agency; escalations by level), one cheap query per 15 s. */
@Injectable()
export class SupervisorMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: SamadMetrics,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(cachedFor(15_000, () => this.read()));
  }

  private async read(): Promise<void> {
    const agencies: AgencyCount[] = await this.dataSource.query(
      `SELECT coalesce(agency_code, 'none') AS agency,
              count(*) FILTER (WHERE ${OPEN}) AS open,
              count(*) FILTER (WHERE ${HELD_BY_AGENCY} AND due_at < now()) AS overdue,
              count(*) FILTER (WHERE deadline_missed_at IS NOT NULL) AS missed
         FROM reporting.requests GROUP BY 1`,
    );
    const levels: { level: number; n: string }[] = await this.dataSource.query(
      `SELECT escalation_level AS level, count(*) AS n FROM reporting.requests
        WHERE escalation_level > 0 AND ${OPEN} GROUP BY 1`,
    );
    for (const row of agencies) {
      this.metrics.openRequests.set({ agency: row.agency }, Number(row.open));
      this.metrics.overdueRequests.set({ agency: row.agency }, Number(row.overdue));
      this.metrics.deadlinesMissed.set({ agency: row.agency }, Number(row.missed));
    }
    this.metrics.escalatedRequests.reset();
    for (const row of levels) this.metrics.escalatedRequests.set({ level: String(row.level) }, Number(row.n));
  }
}
