import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatJalali } from '@samad/request-lifecycle';
import { HELD_BY_AGENCY } from '@samad/reporting-read-model';
import { pageOfRows, pageWindow } from '@samad/service-kit';
import { toOverdueRequest, type OverdueRecord, type OverdueRequest } from './overdue-requests.report';

export interface OverdueRequestsQuery {
  agency?: string;
  county?: string;
  page: number;
  pageSize: number;
  now: Date;
}

export interface OverdueRequests {
  asOf: string;
  asOfJalali: string;
  /** All that match, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  items: OverdueRequest[];
  /** Deprecated: the same as `items`. */
  requests: OverdueRequest[];
}

// Only requests an agency holds carry a running due date; answered and closed ones never count as overdue.
const OVERDUE_WHERE = `
   WHERE ${HELD_BY_AGENCY} AND due_at < $1
     AND ($2::text IS NULL OR agency_code = $2::text)
     AND ($3::text IS NULL OR county_code = $3::text)`;
const OVERDUE_SQL = `
  SELECT tracking_code, agency_code, county_code, category_code, status, kind, channel,
         registered_at, routed_at, due_at, follow_up_count, escalation_level, (count(*) OVER ())::int AS total
    FROM reporting.requests ${OVERDUE_WHERE}
   ORDER BY due_at, tracking_code
   LIMIT $4 OFFSET $5`;

@Injectable()
export class OverdueRequestsHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ agency, county, page, pageSize, now }: OverdueRequestsQuery): Promise<OverdueRequests> {
    const window = pageWindow({ page, pageSize });
    const filters = [now, agency ?? null, county ?? null];
    const rows: (OverdueRecord & { total: number })[] = await this.dataSource.query(OVERDUE_SQL, [
      ...filters,
      window.limit,
      window.offset,
    ]);
    const found = await pageOfRows(
      rows,
      window,
      (row) => toOverdueRequest(row, now),
      async () => {
        const [{ total }]: { total: number }[] = await this.dataSource.query(
          `SELECT count(*)::int AS total FROM reporting.requests ${OVERDUE_WHERE}`,
          filters,
        );
        return total;
      },
    );
    return { asOf: now.toISOString(), asOfJalali: formatJalali(now), ...found, requests: found.items };
  }
}
