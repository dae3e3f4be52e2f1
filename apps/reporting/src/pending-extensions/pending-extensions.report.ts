import { nameOf, type NamedRef } from '@samad/reference-data';
import { formatJalali } from '@samad/request-lifecycle';

/** A read-model row of a request whose agency waits for a supervisor's decision on more time. */
export interface PendingExtensionRecord {
  tracking_code: string;
  agency_code: string | null;
  county_code: string;
  category_code: string;
  status: string;
  due_at: Date | null;
  extension_id: string;
  extension_proposed_due_at: Date;
  extension_requested_at: Date;
}

export interface PendingExtension {
  trackingCode: string;
  /** Names the extension in `POST /api/routing/requests/{code}/extension-requests/{id}/approve|refuse`. */
  extensionId: string;
  agency: NamedRef | null;
  county: NamedRef;
  category: NamedRef;
  status: string;
  dueAt: string | null;
  dueAtJalali: string | null;
  proposedDueAt: string;
  proposedDueAtJalali: string;
  requestedAt: string;
  requestedAtJalali: string;
}

export const toPendingExtension = (row: PendingExtensionRecord): PendingExtension => ({
  trackingCode: row.tracking_code,
  extensionId: row.extension_id,
  agency: row.agency_code === null ? null : nameOf('agency', row.agency_code),
  county: nameOf('county', row.county_code),
  category: nameOf('category', row.category_code),
  status: row.status,
  dueAt: row.due_at?.toISOString() ?? null,
  dueAtJalali: row.due_at ? formatJalali(row.due_at) : null,
  proposedDueAt: row.extension_proposed_due_at.toISOString(),
  proposedDueAtJalali: formatJalali(row.extension_proposed_due_at),
  requestedAt: row.extension_requested_at.toISOString(),
  requestedAtJalali: formatJalali(row.extension_requested_at),
});
