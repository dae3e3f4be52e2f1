import type { EntityManager } from 'typeorm';
import { IntegrationEventTypes, type IntegrationEvent } from '@samad/events';
import { UnprocessableMessageError } from '@samad/service-kit';

interface Change {
  /** `SET` clause; `$1` is the tracking code, `$2` the stream revision, `$3` the event time, then `params`. */
  readonly set: string;
  readonly params?: readonly unknown[];
}

// Every change records which revision it reflects and when that fact happened (never the wall clock).
const BASE_SET = `stream_revision = $2, updated_at = $3`;
const CLEAR_ROUTING = `agency_code = NULL, due_at = NULL, routed_at = NULL, acknowledged_at = NULL`;

/** How one request event changes its statistics row; undefined for events that do not concern it. */
const changeFor = (event: IntegrationEvent): Change | undefined => {
  switch (event.eventType) {
    case IntegrationEventTypes.requestRoutedToAgency:
      return {
        set: `status = 'routed', agency_code = $4, due_at = $5, routed_at = $6, acknowledged_at = NULL`,
        params: [event.data.agencyCode, event.data.dueAt, event.data.at],
      };
    case IntegrationEventTypes.requestAwaitingManualRouting:
      return { set: `status = 'awaiting_manual_routing', ${CLEAR_ROUTING}` };
    case IntegrationEventTypes.requestAcknowledged:
      return { set: `status = 'acknowledged', acknowledged_at = $4`, params: [event.data.at] };
    case IntegrationEventTypes.requestReferredInsideAgency:
      // A referral implies acknowledgement; keep the first moment the agency took it up.
      return {
        set: `status = 'referred', acknowledged_at = COALESCE(acknowledged_at, $4)`,
        params: [event.data.at],
      };
    case IntegrationEventTypes.requestReturnedAsNotResponsible:
      return { set: `status = 'returned', returned_count = returned_count + 1, ${CLEAR_ROUTING}` };
    case IntegrationEventTypes.requestAnswered:
      return {
        set: `status = 'answered', agency_code = $4, outcome = $5, answered_at = $6`,
        params: [event.data.agencyCode, event.data.outcome, event.data.answeredAt],
      };
    case IntegrationEventTypes.followUpRecorded:
      return { set: `follow_up_count = follow_up_count + 1` };
    case IntegrationEventTypes.requestMergedAsDuplicate:
      // ADR 27: a merge closes the duplicate like a close as duplicate would.
      return {
        set: `status = 'closed', closed_at = $4, close_reason = 'duplicate'`,
        params: [event.data.at],
      };
    case IntegrationEventTypes.requestClosed:
      return {
        set: `status = 'closed', closed_at = $4, close_reason = $5`,
        params: [event.data.at, event.data.reason],
      };
    case IntegrationEventTypes.requestDueTimeSet:
    case IntegrationEventTypes.requestExtensionApproved:
    case IntegrationEventTypes.requestDeadlineResumed:
      return { set: `due_at = $4`, params: [event.data.dueAt] };
    case IntegrationEventTypes.requestDeadlineMissed:
      return { set: `deadline_missed_at = $4`, params: [event.data.at] };
    case IntegrationEventTypes.requestEscalated:
      // The highest level reached stays counted, even after a later answer or a new deadline.
      return {
        set: `escalation_level = GREATEST(escalation_level, $4), escalated_at = $5`,
        params: [event.data.level, event.data.at],
      };
    default:
      return undefined;
  }
};

/**
 * Applies one request event to `reporting.requests`, inside the consumer's transaction. Only codes,
 * statuses, counts and timestamps are copied: citizens' personal data and free text never are.
 */
export async function projectRequestStatistics(
  event: IntegrationEvent,
  manager: EntityManager,
): Promise<void> {
  if (event.eventType === IntegrationEventTypes.requestRegistered) {
    const { data } = event;
    await manager.query(
      `INSERT INTO reporting.requests
         (tracking_code, kind, channel, collective, county_code, category_code, status, registered_at,
          stream_revision, updated_at, campaign_id, campaign_target_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'registered', $7, $8, $9, $10, $11)
       ON CONFLICT (tracking_code) DO NOTHING`,
      [
        data.trackingCode,
        data.kind,
        data.channel,
        data.collective,
        data.countyCode,
        data.categoryCode,
        data.registeredAt,
        event.streamRevision,
        event.occurredAt,
        data.campaign?.campaignId ?? null,
        data.campaign?.targetAt ?? null,
      ],
    );
    return;
  }
  const change = changeFor(event);
  if (!change) return;
  // Only request lifecycle events have a change, and every one of them names its request.
  const { trackingCode } = event.data as { trackingCode: string };

  // The revision guard keeps a replayed older fact (e.g. a re-driven dead letter) from undoing a newer one.
  // A SELECT around the UPDATE so the answer is plain rows (TypeORM reshapes a bare UPDATE's result).
  const [outcome]: { known: boolean }[] = await manager.query(
    `WITH updated AS (
       UPDATE reporting.requests SET ${change.set}, ${BASE_SET}
        WHERE tracking_code = $1 AND stream_revision < $2
        RETURNING tracking_code)
     SELECT EXISTS (SELECT 1 FROM reporting.requests WHERE tracking_code = $1) AS known`,
    [trackingCode, event.streamRevision, event.occurredAt, ...(change.params ?? [])],
  );
  // Per-request order means registration always comes first; without it, retry and then park the message.
  if (!outcome.known) {
    throw new UnprocessableMessageError(
      `request ${trackingCode} is not in the read model (its registration is missing)`,
    );
  }
}
