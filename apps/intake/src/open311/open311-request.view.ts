import { nameOf } from '@samad/reference-data';
import type { RegisteredRequest } from '@samad/request-lifecycle';
import type { Open311RequestRow } from './open311-requests.store';
import type { Open311Locale } from './open311-services';
import { open311Status, statusNotesOf } from './open311-status';

/**
 * One request as GET requests answers it, built field by field so no personal data can slip in: no
 * description (the citizen's words), no names, phone or national code, the place rounded to ~100 m.
 * `address` is the county's name: the citizen's address_string is sealed with the description.
 */
export const requestView = (
  request: RegisteredRequest,
  row: Open311RequestRow,
  locale: Open311Locale,
  updatedAt: string,
) => {
  const pick = (ref: { nameFa: string; nameEn: string }) => (locale === 'fa' ? ref.nameFa : ref.nameEn);
  return {
    service_request_id: request.trackingCode,
    status: open311Status(request.status),
    status_notes: statusNotesOf(request),
    service_name: pick(nameOf('category', request.categoryCode)),
    service_code: request.categoryCode,
    agency_responsible:
      request.agencyCode === undefined ? undefined : nameOf('agency', request.agencyCode).nameFa,
    requested_datetime: request.registeredAt,
    updated_datetime: updatedAt,
    expected_datetime:
      request.status === 'answered' || request.status === 'closed' ? undefined : request.dueAt,
    address: pick(nameOf('county', request.countyCode)),
    lat: row.lat === null ? undefined : Number(row.lat),
    long: row.long === null ? undefined : Number(row.long),
  };
};
