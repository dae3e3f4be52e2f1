/** A timestamp as PostgreSQL gives it back (Date) or as an event carries it (ISO-8601 text). */
export type Timestamp = Date | string;

/** One row of `reporting.requests`: codes, statuses, counts and timestamps only, never personal data. */
export interface RequestStatisticsRow {
  tracking_code: string;
  kind: string;
  channel: string;
  collective: boolean;
  county_code: string;
  category_code: string;
  agency_code: string | null;
  status: string;
  registered_at: Timestamp;
  routed_at: Timestamp | null;
  due_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  answered_at: Timestamp | null;
  outcome: string | null;
  closed_at: Timestamp | null;
  close_reason: string | null;
  returned_count: number;
  follow_up_count: number;
  stream_revision: number;
  updated_at: Timestamp;
  deadline_missed_at: Timestamp | null;
  escalation_level: number;
  escalated_at: Timestamp | null;
  campaign_id: string | null;
  campaign_target_at: Timestamp | null;
  campaign_name: string | null;
  /** The extension waiting for a supervisor's decision (at most one at a time), or null. */
  extension_id: string | null;
  extension_proposed_due_at: Timestamp | null;
  extension_requested_at: Timestamp | null;
}

/** Every column with its PostgreSQL type, in one order used by reads and bulk writes alike. */
export const REQUEST_STATISTICS_COLUMNS = [
  ['tracking_code', 'text'],
  ['kind', 'text'],
  ['channel', 'text'],
  ['collective', 'boolean'],
  ['county_code', 'text'],
  ['category_code', 'text'],
  ['agency_code', 'text'],
  ['status', 'text'],
  ['registered_at', 'timestamptz'],
  ['routed_at', 'timestamptz'],
  ['due_at', 'timestamptz'],
  ['acknowledged_at', 'timestamptz'],
  ['answered_at', 'timestamptz'],
  ['outcome', 'text'],
  ['closed_at', 'timestamptz'],
  ['close_reason', 'text'],
  ['returned_count', 'integer'],
  ['follow_up_count', 'integer'],
  ['stream_revision', 'integer'],
  ['updated_at', 'timestamptz'],
  ['deadline_missed_at', 'timestamptz'],
  ['escalation_level', 'smallint'],
  ['escalated_at', 'timestamptz'],
  ['campaign_id', 'text'],
  ['campaign_target_at', 'timestamptz'],
  ['campaign_name', 'text'],
  ['extension_id', 'text'],
  ['extension_proposed_due_at', 'timestamptz'],
  ['extension_requested_at', 'timestamptz'],
] as const satisfies readonly (readonly [keyof RequestStatisticsRow, string])[];
