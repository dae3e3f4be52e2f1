import type { EntityManager } from 'typeorm';
import { IntegrationEventTypes, type IntegrationEvent, type RequestStatus } from '@samad/events';

/** One row of intake.request_index. */
export interface RequestIndexRow {
  tracking_code: string;
  kind: string;
  channel: string;
  county_code: string;
  category_code: string;
  status: RequestStatus;
  registered_at: Date;
  agency_code: string | null;
}

type AgencyChange = { readonly set: string | null } | undefined;

const updateStatus = async (
  manager: EntityManager,
  event: IntegrationEvent,
  status: RequestStatus,
  agency: AgencyChange,
): Promise<void> => {
  // Guarded by revision: per-request order is kept upstream, but an older fact must never win anyway.
  await manager.query(
    `UPDATE intake.request_index
        SET status = $2,
            agency_code = CASE WHEN $3::boolean THEN $4::text ELSE agency_code END,
            last_revision = $5,
            updated_at = $6::timestamptz
      WHERE tracking_code = $1 AND last_revision < $5`,
    [
      (event.data as { trackingCode: string }).trackingCode,
      status,
      agency !== undefined,
      agency?.set ?? null,
      event.streamRevision,
      event.occurredAt,
    ],
  );
};

/** Applies one request event to intake.request_index, inside the consumer's transaction. */
export async function projectRequestIndex(event: IntegrationEvent, manager: EntityManager): Promise<void> {
  switch (event.eventType) {
    case IntegrationEventTypes.requestRegistered: {
      const d = event.data;
      await manager.query(
        `INSERT INTO intake.request_index (tracking_code, kind, channel, county_code, category_code, status,
                                           registered_at, national_codes, mobiles, agency_code, last_revision,
                                           updated_at)
         VALUES ($1, $2, $3, $4, $5, 'registered', $6, $7, $8, NULL, $9, $6)
         ON CONFLICT (tracking_code) DO NOTHING`,
        [
          d.trackingCode,
          d.kind,
          d.channel,
          d.countyCode,
          d.categoryCode,
          d.registeredAt,
          d.citizens.map((c) => c.nationalCode),
          d.citizens.map((c) => c.mobile),
          event.streamRevision,
        ],
      );
      return;
    }
    case IntegrationEventTypes.requestRoutedToAgency:
      return updateStatus(manager, event, 'routed', { set: event.data.agencyCode });
    case IntegrationEventTypes.requestAwaitingManualRouting:
      return updateStatus(manager, event, 'awaiting_manual_routing', { set: null });
    case IntegrationEventTypes.requestAcknowledged:
      return updateStatus(manager, event, 'acknowledged', undefined);
    case IntegrationEventTypes.requestReferredInsideAgency:
      return updateStatus(manager, event, 'referred', undefined);
    case IntegrationEventTypes.requestReturnedAsNotResponsible:
      return updateStatus(manager, event, 'returned', { set: null });
    case IntegrationEventTypes.requestAnswered:
      return updateStatus(manager, event, 'answered', { set: event.data.agencyCode });
    case IntegrationEventTypes.requestClosed:
      return updateStatus(manager, event, 'closed', undefined);
    default:
      // Follow-ups change no listed column; agency-topic messages never arrive on the request topic.
      return;
  }
}

const SELECT_ROWS = `SELECT tracking_code, kind, channel, county_code, category_code, status, registered_at, agency_code
                       FROM intake.request_index`;

/** Newest first, at most 50: what the operator reads while the caller is on the line. */
export async function findRequestsByCitizen(
  manager: EntityManager,
  by: { nationalCode: string } | { mobile: string },
): Promise<RequestIndexRow[]> {
  const [column, value] = 'nationalCode' in by ? ['national_codes', by.nationalCode] : ['mobiles', by.mobile];
  // `@>` (contains) is the operator the GIN index serves.
  return (await manager.query(
    `${SELECT_ROWS} WHERE ${column} @> ARRAY[$1]::text[] ORDER BY registered_at DESC, tracking_code LIMIT 50`,
    [value],
  )) as RequestIndexRow[];
}
