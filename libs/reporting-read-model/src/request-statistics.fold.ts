import { IntegrationEventTypes, type IntegrationEvent } from '@samad/events';
import type { RequestStatisticsRow } from './request-statistics.row';

/** What one event does to a request's statistics row. */
export type StatisticsStep =
  | { readonly kind: 'insert'; readonly row: RequestStatisticsRow }
  | { readonly kind: 'update'; readonly row: RequestStatisticsRow }
  /** Not a statistics event, or an older fact than the row already reflects (a replay or a re-driven dead letter). */
  | { readonly kind: 'unchanged' }
  /** A change for a request whose registration has not been seen: per-request order was broken. */
  | { readonly kind: 'unknown_request'; readonly trackingCode: string };

const CLEAR_ROUTING = { agency_code: null, due_at: null, routed_at: null, acknowledged_at: null } as const;
const NO_EXTENSION = {
  extension_id: null,
  extension_proposed_due_at: null,
  extension_requested_at: null,
} as const;

/** The columns one request lifecycle event changes; undefined for events that do not concern statistics. */
const changeFor = (
  event: IntegrationEvent,
  row: RequestStatisticsRow,
): Partial<RequestStatisticsRow> | undefined => {
  switch (event.eventType) {
    case IntegrationEventTypes.requestRoutedToAgency:
      return {
        status: 'routed',
        agency_code: event.data.agencyCode,
        due_at: event.data.dueAt,
        routed_at: event.data.at,
        acknowledged_at: null,
      };
    case IntegrationEventTypes.requestAwaitingManualRouting:
      return { status: 'awaiting_manual_routing', ...CLEAR_ROUTING };
    case IntegrationEventTypes.requestAcknowledged:
      return { status: 'acknowledged', acknowledged_at: event.data.at };
    case IntegrationEventTypes.requestReferredInsideAgency:
      // A referral implies acknowledgement; keep the first moment the agency took it up.
      return { status: 'referred', acknowledged_at: row.acknowledged_at ?? event.data.at };
    case IntegrationEventTypes.requestReturnedAsNotResponsible:
      return { status: 'returned', returned_count: row.returned_count + 1, ...CLEAR_ROUTING };
    case IntegrationEventTypes.requestAnswered:
      return {
        status: 'answered',
        agency_code: event.data.agencyCode,
        outcome: event.data.outcome,
        answered_at: event.data.answeredAt,
      };
    case IntegrationEventTypes.followUpRecorded:
      return { follow_up_count: row.follow_up_count + 1 };
    case IntegrationEventTypes.requestMergedAsDuplicate:
      // ADR 27: a merge closes the duplicate like a close as duplicate would.
      return { status: 'closed', closed_at: event.data.at, close_reason: 'duplicate' };
    case IntegrationEventTypes.requestClosed:
      return { status: 'closed', closed_at: event.data.at, close_reason: event.data.reason };
    case IntegrationEventTypes.requestDueTimeSet:
    case IntegrationEventTypes.requestDeadlineResumed:
      return { due_at: event.data.dueAt };
    case IntegrationEventTypes.requestExtensionRequested:
      return {
        extension_id: event.data.extensionId,
        extension_proposed_due_at: event.data.proposedDueAt,
        extension_requested_at: event.data.at,
      };
    case IntegrationEventTypes.requestExtensionApproved:
      return { due_at: event.data.dueAt, ...NO_EXTENSION };
    case IntegrationEventTypes.requestExtensionRefused:
      return NO_EXTENSION;
    case IntegrationEventTypes.requestDeadlineMissed:
      return { deadline_missed_at: event.data.at };
    case IntegrationEventTypes.requestEscalated:
      // The highest level reached stays counted, even after a later answer or a new deadline.
      return {
        escalation_level: Math.max(row.escalation_level, event.data.level),
        escalated_at: event.data.at,
      };
    default:
      return undefined;
  }
};

/**
 * The reporting projection's one rule, pure: the live consumer applies it row by row inside its transaction,
 * a rebuild or an as-of report folds the whole store with it in memory. Every change records the revision it
 * reflects and when that fact happened (never the wall clock).
 */
export function evolveRequestStatistics(
  row: RequestStatisticsRow | undefined,
  event: IntegrationEvent,
): StatisticsStep {
  if (event.eventType === IntegrationEventTypes.requestRegistered) {
    if (row) return { kind: 'unchanged' };
    const { data } = event;
    return {
      kind: 'insert',
      row: {
        tracking_code: data.trackingCode,
        kind: data.kind,
        channel: data.channel,
        collective: data.collective,
        county_code: data.countyCode,
        category_code: data.categoryCode,
        agency_code: null,
        status: 'registered',
        registered_at: data.registeredAt,
        routed_at: null,
        due_at: null,
        acknowledged_at: null,
        answered_at: null,
        outcome: null,
        closed_at: null,
        close_reason: null,
        returned_count: 0,
        follow_up_count: 0,
        stream_revision: event.streamRevision,
        updated_at: event.occurredAt,
        deadline_missed_at: null,
        escalation_level: 0,
        escalated_at: null,
        campaign_id: data.campaign?.campaignId ?? null,
        campaign_target_at: data.campaign?.targetAt ?? null,
        campaign_name: data.campaign?.campaignName ?? null,
        ...NO_EXTENSION,
      },
    };
  }
  if (!isStatisticsEvent(event)) return { kind: 'unchanged' };
  // Only request lifecycle events change statistics, and every one of them names its request.
  const { trackingCode } = event.data as { trackingCode: string };
  if (!row) return { kind: 'unknown_request', trackingCode };
  // The revision guard keeps a replayed older fact from undoing a newer one.
  if (row.stream_revision >= event.streamRevision) return { kind: 'unchanged' };
  const change = changeFor(event, row) as Partial<RequestStatisticsRow>;
  return {
    kind: 'update',
    row: { ...row, ...change, stream_revision: event.streamRevision, updated_at: event.occurredAt },
  };
}

const STATISTICS_EVENTS: ReadonlySet<string> = new Set([
  IntegrationEventTypes.requestRoutedToAgency,
  IntegrationEventTypes.requestAwaitingManualRouting,
  IntegrationEventTypes.requestAcknowledged,
  IntegrationEventTypes.requestReferredInsideAgency,
  IntegrationEventTypes.requestReturnedAsNotResponsible,
  IntegrationEventTypes.requestAnswered,
  IntegrationEventTypes.followUpRecorded,
  IntegrationEventTypes.requestClosed,
  IntegrationEventTypes.requestMergedAsDuplicate,
  IntegrationEventTypes.requestDueTimeSet,
  IntegrationEventTypes.requestExtensionRequested,
  IntegrationEventTypes.requestExtensionApproved,
  IntegrationEventTypes.requestExtensionRefused,
  IntegrationEventTypes.requestDeadlineResumed,
  IntegrationEventTypes.requestDeadlineMissed,
  IntegrationEventTypes.requestEscalated,
]);

/** Whether an event (other than the registration) changes a request's statistics row. */
export const isStatisticsEvent = (event: IntegrationEvent): boolean => STATISTICS_EVENTS.has(event.eventType);

/** In-memory fold for rebuilds and as-of reports: the rows by tracking code, changed in place. */
export function foldRequestStatistics(
  rows: Map<string, RequestStatisticsRow>,
  event: IntegrationEvent,
): void {
  if (event.eventType !== IntegrationEventTypes.requestRegistered && !isStatisticsEvent(event)) return;
  const code = (event.data as { trackingCode: string }).trackingCode;
  const step = evolveRequestStatistics(rows.get(code), event);
  // A change without its registration is parked by the live consumer; the fold leaves it out the same way.
  if (step.kind === 'insert' || step.kind === 'update') rows.set(code, step.row);
}
