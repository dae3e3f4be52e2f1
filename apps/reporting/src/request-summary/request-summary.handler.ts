import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HELD_BY_AGENCY, OPEN } from '../read-model/request-status.sql';
import { buildRequestSummary, type RequestSummary, type SummaryRow } from './request-summary.report';

export interface RequestSummaryQuery {
  from?: Date;
  to?: Date;
  now: Date;
}

const HOURS_TO_ANSWER = `extract(epoch FROM answered_at - registered_at) / 3600`;

// One scan, one snapshot: every breakdown is a grouping set, so the totals always add up.
const SUMMARY_SQL = `
  SELECT
    CASE
      WHEN GROUPING(status) = 0 THEN 'status'
      WHEN GROUPING(channel) = 0 THEN 'channel'
      WHEN GROUPING(agency_code) = 0 THEN 'agency'
      WHEN GROUPING(county_code) = 0 THEN 'county'
      WHEN GROUPING(category_code) = 0 THEN 'category'
      ELSE 'all'
    END AS dimension,
    COALESCE(status, channel, agency_code, county_code, category_code) AS key,
    count(*)::int AS total,
    count(*) FILTER (WHERE ${OPEN})::int AS open,
    count(*) FILTER (WHERE answered_at IS NOT NULL)::int AS answered,
    count(*) FILTER (WHERE ${HELD_BY_AGENCY} AND due_at < $3)::int AS overdue,
    count(*) FILTER (WHERE escalation_level >= 1)::int AS escalated,
    count(*) FILTER (WHERE escalation_level >= 2)::int AS escalated_to_inspection,
    count(*) FILTER (WHERE close_reason = 'answered_at_first_contact')::int AS answered_at_first_contact,
    COALESCE(sum(follow_up_count), 0)::int AS follow_ups,
    COALESCE(sum(returned_count), 0)::int AS returns,
    (count(*) FILTER (WHERE answered_at <= due_at))::float8
      / NULLIF(count(*) FILTER (WHERE answered_at IS NOT NULL), 0) AS on_time_rate,
    avg(${HOURS_TO_ANSWER})::float8 AS mean_hours,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS_TO_ANSWER})::float8 AS p90_hours
  FROM reporting.requests
  WHERE ($1::timestamptz IS NULL OR registered_at >= $1::timestamptz)
    AND ($2::timestamptz IS NULL OR registered_at < $2::timestamptz)
  GROUP BY GROUPING SETS ((status), (channel), (agency_code), (county_code), (category_code), ())`;

interface SummaryRecord {
  dimension: SummaryRow['dimension'];
  key: string | null;
  total: number;
  open: number;
  answered: number;
  overdue: number;
  escalated: number;
  escalated_to_inspection: number;
  answered_at_first_contact: number;
  follow_ups: number;
  returns: number;
  on_time_rate: number | null;
  mean_hours: number | null;
  p90_hours: number | null;
}

@Injectable()
export class RequestSummaryHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ from, to, now }: RequestSummaryQuery): Promise<RequestSummary> {
    const records: SummaryRecord[] = await this.dataSource.query(SUMMARY_SQL, [
      from ?? null,
      to ?? null,
      now,
    ]);
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
}
