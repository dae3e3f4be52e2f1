import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatJalali } from '@samad/request-lifecycle';
import { OPEN } from '@samad/reporting-read-model';
import { pageOfRows, pageWindow } from '@samad/service-kit';
import { toEscalatedRequest, type EscalatedRequest, type EscalationRecord } from './escalations.report';

export interface EscalationsQuery {
  agency?: string;
  county?: string;
  level?: number;
  /** Only those still owed an answer. */
  openOnly: boolean;
  page: number;
  pageSize: number;
  now: Date;
}

export interface Escalations {
  asOf: string;
  asOfJalali: string;
  /** All that match, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  items: EscalatedRequest[];
  /** Deprecated: the same as `items`. */
  requests: EscalatedRequest[];
}

const ESCALATIONS_WHERE = `
   WHERE escalation_level > 0
     AND ($1::text IS NULL OR agency_code = $1::text)
     AND ($2::text IS NULL OR county_code = $2::text)
     AND ($3::int IS NULL OR escalation_level = $3::int)
     AND (NOT $4::boolean OR ${OPEN})`;
const ESCALATIONS_SQL = `
  SELECT tracking_code, agency_code, county_code, category_code, status, due_at, deadline_missed_at,
         escalation_level, escalated_at, (count(*) OVER ())::int AS total
    FROM reporting.requests ${ESCALATIONS_WHERE}
   ORDER BY escalation_level DESC, escalated_at, tracking_code
   LIMIT $5 OFFSET $6`;

@Injectable()
export class EscalationsHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(query: EscalationsQuery): Promise<Escalations> {
    const window = pageWindow(query);
    const filters = [query.agency ?? null, query.county ?? null, query.level ?? null, query.openOnly];
    const rows: (EscalationRecord & { total: number })[] = await this.dataSource.query(ESCALATIONS_SQL, [
      ...filters,
      window.limit,
      window.offset,
    ]);
    const found = await pageOfRows(rows, window, toEscalatedRequest, async () => {
      const [{ total }]: { total: number }[] = await this.dataSource.query(
        `SELECT count(*)::int AS total FROM reporting.requests ${ESCALATIONS_WHERE}`,
        filters,
      );
      return total;
    });
    return {
      asOf: query.now.toISOString(),
      asOfJalali: formatJalali(query.now),
      ...found,
      requests: found.items,
    };
  }
}
