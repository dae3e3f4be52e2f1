import { HELD_BY_AGENCY, OPEN } from './request-status.sql';

const HOURS_TO_ANSWER = `extract(epoch FROM answered_at - registered_at) / 3600`;

/**
 * The summary over one statistics table: the live one, or one an as-of replay filled. One scan, one snapshot:
 * every breakdown is a grouping set, so the totals always add up. `$1`/`$2` the registration window, `$3` now.
 */
export const summarySql = (table: string): string => `
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
  FROM ${table}
  WHERE ($1::timestamptz IS NULL OR registered_at >= $1::timestamptz)
    AND ($2::timestamptz IS NULL OR registered_at < $2::timestamptz)
  GROUP BY GROUPING SETS ((status), (channel), (agency_code), (county_code), (category_code), ())`;

/** One record of `summarySql`, as PostgreSQL names it. */
export interface SummaryRecord {
  dimension: 'all' | 'status' | 'channel' | 'agency' | 'county' | 'category';
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
