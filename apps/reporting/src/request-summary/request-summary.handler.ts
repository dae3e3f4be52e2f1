import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LIVE_REQUESTS_TABLE,
  rowsOf,
  summarySql,
  type Queryable,
  type SummaryRecord,
} from '@samad/reporting-read-model';
import { DataSource } from 'typeorm';
import { buildRequestSummary, type RequestSummary, type SummaryRow } from './request-summary.report';

export interface RequestSummaryQuery {
  from?: Date;
  to?: Date;
  now: Date;
}

/** The summary over one statistics table: the live one, or a temporary one an as-of replay filled. */
export async function summaryOf(
  db: Queryable,
  table: string,
  { from, to, now }: RequestSummaryQuery,
): Promise<RequestSummary> {
  const records = await rowsOf<SummaryRecord>(db, summarySql(table), [from ?? null, to ?? null, now]);
  const rows = records.map((r): SummaryRow => ({
    dimension: r.dimension,
    key: r.key,
    total: r.total,
    open: r.open,
    answered: r.answered,
    overdue: r.overdue,
    escalated: r.escalated,
    escalatedToInspection: r.escalated_to_inspection,
    answeredAtFirstContact: r.answered_at_first_contact,
    followUps: r.follow_ups,
    returns: r.returns,
    onTimeRate: r.on_time_rate,
    meanHours: r.mean_hours,
    p90Hours: r.p90_hours,
  }));
  return buildRequestSummary(rows, { from, to }, now);
}

@Injectable()
export class RequestSummaryHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute(query: RequestSummaryQuery): Promise<RequestSummary> {
    return summaryOf(this.dataSource, LIVE_REQUESTS_TABLE, query);
  }
}
