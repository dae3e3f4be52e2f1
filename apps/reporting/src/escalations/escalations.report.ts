import { nameOf, type NamedRef } from '@samad/reference-data';
import { formatJalali } from '@samad/request-lifecycle';

/** A read-model row of an escalated request (statistics only: no citizen data). */
export interface EscalationRecord {
  tracking_code: string;
  agency_code: string | null;
  county_code: string;
  category_code: string;
  status: string;
  due_at: Date | null;
  deadline_missed_at: Date | null;
  escalation_level: number;
  escalated_at: Date;
}

export interface EscalatedRequest {
  trackingCode: string;
  agency: NamedRef | null;
  county: NamedRef;
  category: NamedRef;
  status: string;
  /** 1: the agency's manager; 2: the governor's inspection office. */
  level: number;
  escalatedTo: 'agency_manager' | 'governor_inspection_office';
  escalatedAt: string;
  escalatedAtJalali: string;
  dueAt: string | null;
  dueAtJalali: string | null;
  deadlineMissedAt: string | null;
}

export const toEscalatedRequest = (row: EscalationRecord): EscalatedRequest => ({
  trackingCode: row.tracking_code,
  agency: row.agency_code === null ? null : nameOf('agency', row.agency_code),
  county: nameOf('county', row.county_code),
  category: nameOf('category', row.category_code),
  status: row.status,
  level: row.escalation_level,
  escalatedTo: row.escalation_level >= 2 ? 'governor_inspection_office' : 'agency_manager',
  escalatedAt: row.escalated_at.toISOString(),
  escalatedAtJalali: formatJalali(row.escalated_at),
  dueAt: row.due_at?.toISOString() ?? null,
  dueAtJalali: row.due_at ? formatJalali(row.due_at) : null,
  deadlineMissedAt: row.deadline_missed_at?.toISOString() ?? null,
});
