import {
  formatJalali,
  formatTrackingCode,
  toAsciiDigits,
  type RegisteredRequest,
  type TrackingCode,
  verdictWindowEndsAt,
} from '@samad/request-lifecycle';
import { nameOf } from '@samad/reference-data';
import type { TrackedVerdictDto, TrackRequestResponseDto } from './track-request.response.dto';

/**
 * The proof a citizen gives: the last four digits of their own mobile on the request. On a collective
 * request the signatory also says which signature is theirs (1 = the first citizen registered) and the
 * digits must be that signatory's, so a petition with many signatories is no easier to guess. Answers the
 * signatory whose view it is (1 on an individual request), or undefined when the proof fails.
 */
export const provesOwnership = (
  request: RegisteredRequest,
  mobileLast4: string,
  signatory?: string,
): number | undefined => {
  const last4 = toAsciiDigits(mobileLast4.trim());
  if (!/^[0-9]{4}$/.test(last4)) return undefined;
  const given = signatory === undefined ? undefined : toAsciiDigits(signatory.trim());
  if (given !== undefined && !/^[1-9][0-9]{0,3}$/.test(given)) return undefined;
  const number = given === undefined ? (request.collective ? undefined : 1) : Number(given);
  if (number === undefined) return undefined;
  // An erased citizen's mobile is gone, so it can no longer prove anything (intended: erasure is final).
  return request.citizens[number - 1]?.mobile?.endsWith(last4) === true ? number : undefined;
};

const withJalali = (iso: string): { iso: string; jalali: string } => ({
  iso,
  jalali: formatJalali(new Date(iso)),
});

/** The verdict on the answer on record: given (never the comment), or open until the window ends. */
const verdictView = (
  request: RegisteredRequest,
  windowDays: number | undefined,
): { verdict?: TrackedVerdictDto } => {
  if (request.verdict && request.verdict.answeredAt === request.answeredAt) {
    const { rating, objected } = request.verdict;
    return { verdict: { ...(rating !== undefined && { rating }), ...(objected && { objected }) } };
  }
  if (request.status !== 'answered' || !request.answeredAt || windowDays === undefined) return {};
  const until = verdictWindowEndsAt(request.answeredAt, windowDays);
  return { verdict: { openUntil: until.toISOString(), openUntilJalali: formatJalali(until) } };
};

/**
 * Built field by field from the state, so no personal data can slip in with a new state property. On a
 * collective request it is the proving signatory's view: their own signature number, nothing of the others.
 */
export const trackedView = (
  request: RegisteredRequest,
  signatory = 1,
  verdictWindowDays?: number,
): TrackRequestResponseDto => {
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
    ...(request.collective && { signatory }),
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
    ...verdictView(request, verdictWindowDays),
    // How it ended, and for a duplicate where to look instead; never the supervisor's note.
    ...(request.closure && {
      closure: {
        reason: request.closure.reason,
        ...(request.closure.duplicateOf !== undefined && { duplicateOf: request.closure.duplicateOf }),
        closedAt: request.closure.at,
        closedAtJalali: formatJalali(new Date(request.closure.at)),
      },
    }),
  };
};
