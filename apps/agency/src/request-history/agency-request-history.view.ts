import type { RecordedEvent } from '@samad/event-store';
import {
  evolve,
  formatJalali,
  initialState,
  isRegistered,
  isRequestEvent,
  type RequestEvent,
} from '@samad/request-lifecycle';

/** One step of a request as its agency may see it: what, when, and by whom only for the agency's own steps. */
export interface AgencyHistoryEntry {
  revision: number;
  type: string;
  at: string;
  atJalali: string;
  /** Only on the agency's own events: the others show their kind and time alone (minimum view, ADR 20). */
  actor?: { id: string; role: string };
  /** The agency's own free text on the step: question, reason, referral note (never the citizen's words). */
  note?: string;
  /** A due date the step set or proposed. */
  dueAt?: string;
  outcome?: string;
}

/** What the agency waits for now, if anything. */
export interface AgencyWaiting {
  extension?: { proposedDueAt: string };
  information?: { requestedAt: string };
}

export interface AgencyRequestHistory {
  trackingCode: string;
  events: AgencyHistoryEntry[];
  waiting: AgencyWaiting;
}

type Data = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const ownDetails = (type: string, data: Data): Pick<AgencyHistoryEntry, 'note' | 'dueAt' | 'outcome'> => {
  switch (type) {
    case 'RequestRoutedToAgency':
    case 'ExtensionApproved':
    case 'DeadlineResumed':
    case 'DueTimeSet':
      return { dueAt: text(data.dueAt) };
    case 'RequestReferredInsideAgency':
      return { note: [data.unit, data.toStaff, data.note].filter((v) => typeof v === 'string').join(' — ') };
    case 'RequestReturnedAsNotResponsible':
    case 'ExtensionRefused':
      return { note: text(data.reason) };
    case 'ExtensionRequested':
      return { note: text(data.reason), dueAt: text(data.proposedDueAt) };
    case 'InformationRequested':
      return { note: text(data.question) };
    case 'RequestAnswered':
      return { outcome: text(data.outcome) };
    default:
      return {};
  }
};

const withoutEmpty = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;

/** The request's stream as its agency sees it: every step, the agency's own in detail, and what it waits for. */
export function toAgencyHistory(
  trackingCode: string,
  agencyCode: string,
  recorded: readonly RecordedEvent[],
): AgencyRequestHistory {
  const events = recorded.map((event): AgencyHistoryEntry => {
    const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Data;
    const own = data.agencyCode === agencyCode;
    return withoutEmpty({
      revision: Number(event.streamRevision),
      type: event.type,
      at: event.recordedAt.toISOString(),
      atJalali: formatJalali(event.recordedAt),
      actor: own ? event.metadata.actor : undefined,
      ...(own ? ownDetails(event.type, data) : {}),
    });
  });
  const state = recorded
    .filter(isRequestEvent)
    .reduce((s, e) => evolve(s, { type: e.type, data: e.data } as RequestEvent), initialState());
  const waiting: AgencyWaiting = {};
  if (isRegistered(state) && state.agencyCode === agencyCode) {
    if (state.pendingExtension?.agencyCode === agencyCode)
      waiting.extension = { proposedDueAt: state.pendingExtension.proposedDueAt };
    if (state.informationRequest && !state.informationRequest.suppliedAt)
      waiting.information = { requestedAt: state.informationRequest.requestedAt };
  }
  return { trackingCode, events, waiting };
}
