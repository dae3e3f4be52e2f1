import { nameOf, type NamedRef } from '@samad/reference-data';
import { formatJalali } from '@samad/request-lifecycle';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days elapsed since the due date (0 during the first day late), as "N days overdue" is read aloud. */
export const daysOverdue = (dueAt: Date, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS));

export type CodeAndNames = NamedRef;

/** A read-model row of an overdue request (statistics only: no citizen data exists to leak). */
export interface OverdueRecord {
  tracking_code: string;
  agency_code: string;
  county_code: string;
  category_code: string;
  status: string;
  kind: string;
  channel: string;
  registered_at: Date;
  routed_at: Date | null;
  due_at: Date;
  follow_up_count: number;
  escalation_level: number;
}

export interface OverdueRequest {
  trackingCode: string;
  agency: CodeAndNames;
  county: CodeAndNames;
  category: CodeAndNames;
  status: string;
  kind: string;
  channel: string;
  registeredAt: string;
  routedAt: string | null;
  dueAt: string;
  dueAtJalali: string;
  daysOverdue: number;
  followUpCount: number;
  /** 0 none, 1 the agency's manager, 2 the governor's inspection office. */
  escalationLevel: number;
}

export const toOverdueRequest = (row: OverdueRecord, now: Date): OverdueRequest => ({
  trackingCode: row.tracking_code,
  agency: nameOf('agency', row.agency_code),
  county: nameOf('county', row.county_code),
  category: nameOf('category', row.category_code),
  status: row.status,
  kind: row.kind,
  channel: row.channel,
  registeredAt: row.registered_at.toISOString(),
  routedAt: row.routed_at?.toISOString() ?? null,
  dueAt: row.due_at.toISOString(),
  dueAtJalali: formatJalali(row.due_at),
  daysOverdue: daysOverdue(row.due_at, now),
  followUpCount: row.follow_up_count,
  escalationLevel: row.escalation_level,
});
