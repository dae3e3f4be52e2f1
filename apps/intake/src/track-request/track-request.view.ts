import {
  formatJalali,
  formatTrackingCode,
  toAsciiDigits,
  type RegisteredRequest,
  type TrackingCode,
} from '@samad/request-lifecycle';
import { nameOf } from '@samad/reference-data';
import type { TrackRequestResponseDto } from './track-request.response.dto';

/** The proof a citizen gives: the last four digits of a mobile registered on the request. */
export const provesOwnership = (request: RegisteredRequest, mobileLast4: string): boolean => {
  const last4 = toAsciiDigits(mobileLast4.trim());
  // An erased citizen's mobile is gone, so it can no longer prove anything (intended: erasure is final).
  return (
    /^[0-9]{4}$/.test(last4) && request.citizens.some((citizen) => citizen.mobile?.endsWith(last4) === true)
  );
};

const withJalali = (iso: string): { iso: string; jalali: string } => ({
  iso,
  jalali: formatJalali(new Date(iso)),
});

/** Built field by field from the state, so no personal data can slip in with a new state property. */
export const trackedView = (request: RegisteredRequest): TrackRequestResponseDto => {
  const registered = withJalali(request.registeredAt);
  const due = request.dueAt === undefined ? undefined : withJalali(request.dueAt);
  const answered = request.answeredAt === undefined ? undefined : withJalali(request.answeredAt);
  return {
    trackingCode: request.trackingCode,
    trackingCodeFormatted: formatTrackingCode(request.trackingCode as TrackingCode),
    status: request.status,
    statusFa: nameOf('status', request.status).nameFa,
    kind: request.kind,
    category: nameOf('category', request.categoryCode),
    county: nameOf('county', request.countyCode),
    registeredAt: registered.iso,
    registeredAtJalali: registered.jalali,
    ...(request.agencyCode !== undefined && { agency: nameOf('agency', request.agencyCode) }),
    ...(due && { dueAt: due.iso, dueAtJalali: due.jalali }),
    ...(request.answer &&
      answered && {
        answer: {
          outcome: request.answer.outcome,
          text: request.answer.text,
          answeredAt: answered.iso,
          answeredAtJalali: answered.jalali,
        },
      }),
  };
};
