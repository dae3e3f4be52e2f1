import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatJalali } from '@samad/request-lifecycle';
import { HELD_BY_AGENCY } from '@samad/reporting-read-model';
import { toOverdueRequest, type OverdueRecord, type OverdueRequest } from './overdue-requests.report';

export interface OverdueRequestsQuery {
  agency?: string;
  county?: string;
  limit: number;
  now: Date;
}

export interface OverdueRequests {
  asOf: string;
  asOfJalali: string;
  /** All that match, even beyond `limit`. */
  total: number;
  requests: OverdueRequest[];
}

// Only requests an agency holds carry a running due date; answered and closed ones never count as overdue.
const OVERDUE_SQL = `
  SELECT tracking_code, agency_code, county_code, category_code, status, kind, channel,
         registered_at, routed_at, due_at, follow_up_count, escalation_level, (count(*) OVER ())::int AS total
    FROM reporting.requests
   WHERE ${HELD_BY_AGENCY} AND due_at < $1
     AND ($2::text IS NULL OR agency_code = $2::text)
     AND ($3::text IS NULL OR county_code = $3::text)
   ORDER BY due_at, tracking_code
   LIMIT $4`;

@Injectable()
export class OverdueRequestsHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ agency, county, limit, now }: OverdueRequestsQuery): Promise<OverdueRequests> {
    const rows: (OverdueRecord & { total: number })[] = await this.dataSource.query(OVERDUE_SQL, [
      now,
      agency ?? null,
      county ?? null,
      limit,
    ]);
    return {
      asOf: now.toISOString(),
      asOfJalali: formatJalali(now),
      total: rows[0]?.total ?? 0,
      requests: rows.map((row) => toOverdueRequest(row, now)),
    };
  }
}
