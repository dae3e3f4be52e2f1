import type { EntityManager } from 'typeorm';
import {
  IntegrationEventTypes,
  type RequestLifecycleIntegrationEventV1,
  type RequestStatus,
} from '@samad/events';
import type { CitizenDigests } from '@samad/personal-data';
import { erasedText } from '@samad/request-lifecycle';
import { similarityText } from '../similar-requests/similarity-text';

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
  event: RequestLifecycleIntegrationEventV1,
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

/**
 * Applies one request event to intake.request_index (and its citizens' digests in intake.request_citizens),
 * inside the consumer's transaction. Only keyed digests of national codes and mobiles are kept.
 */
export const requestIndexProjection =
  (digests: CitizenDigests) =>
  async (event: RequestLifecycleIntegrationEventV1, manager: EntityManager): Promise<void> => {
    switch (event.eventType) {
      case IntegrationEventTypes.requestRegistered: {
        const d = event.data;
        const inserted = (await manager.query(
          `INSERT INTO intake.request_index (tracking_code, kind, channel, county_code, category_code, status,
                                             registered_at, agency_code, last_revision, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'registered', $6, NULL, $7, $6)
           ON CONFLICT (tracking_code) DO NOTHING
           RETURNING tracking_code`,
          [
            d.trackingCode,
            d.kind,
            d.channel,
            d.countyCode,
            d.categoryCode,
            d.registeredAt,
            event.streamRevision,
          ],
        )) as unknown[];
        if (inserted.length === 0) return;
        // ADR 27: the normalised description for similar requests; none once its citizen is erased.
        if (d.description !== erasedText) {
          await manager.query(
            `INSERT INTO intake.request_descriptions (tracking_code, category_code, county_code, registered_at, description)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tracking_code) DO NOTHING`,
            [d.trackingCode, d.categoryCode, d.countyCode, d.registeredAt, similarityText(d.description)],
          );
        }
        // An erased citizen (relayed after the erasure) leaves nothing to find the request by.
        // A mobile-only citizen (ADR 39) is found by the mobile's digest alone.
        const present = d.citizens.flatMap((c, index) =>
          c.mobile === null ? [] : [{ index, nationalCode: c.nationalCode, mobile: c.mobile }],
        );
        if (present.length === 0) return;
        await manager.query(
          `INSERT INTO intake.request_citizens (tracking_code, citizen_index, national_code_digest, mobile_digest)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`,
          [
            d.trackingCode,
            present.map((c) => c.index),
            present.map((c) => (c.nationalCode === null ? null : digests.nationalCode(c.nationalCode))),
            present.map((c) => digests.mobile(c.mobile)),
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
      case IntegrationEventTypes.requestAnswerObjected:
        return updateStatus(manager, event, 'routed', { set: event.data.agencyCode });
      case IntegrationEventTypes.requestLinkedToMatter:
        // ADR 27: for the supervisors' list of matters (a request joins one matter, once).
        await manager.query(
          `UPDATE intake.request_index SET matter_id = $2::uuid, matter_linked_at = $3::timestamptz
            WHERE tracking_code = $1 AND matter_id IS NULL`,
          [event.data.trackingCode, event.data.matterId, event.data.at],
        );
        return;
      case IntegrationEventTypes.requestMergedAsDuplicate:
        return updateStatus(manager, event, 'closed', undefined);
      case IntegrationEventTypes.requestPersonalDataErased:
        // The description is sealed under the representative's key (ADR 19): their erasure takes its copy.
        if (event.data.citizenIndex === 0) {
          await manager.query(`DELETE FROM intake.request_descriptions WHERE tracking_code = $1`, [
            event.data.trackingCode,
          ]);
        }
        // The erased citizen can no longer be searched for; the request stays for its other citizens.
        await manager.query(
          `DELETE FROM intake.request_citizens WHERE tracking_code = $1 AND citizen_index = $2`,
          [event.data.trackingCode, event.data.citizenIndex],
        );
        return;
      default:
        // Follow-ups change no listed column; agency-topic messages never arrive on the request topic.
        return;
    }
  };

const SELECT_ROWS = `SELECT tracking_code, kind, channel, county_code, category_code, status, registered_at, agency_code
                       FROM intake.request_index`;

/** Newest first, one page (50 by default), with the total: what the operator reads while the caller is on the line. */
export async function findRequestsByCitizen(
  manager: EntityManager,
  digests: CitizenDigests,
  by: { nationalCode: string } | { mobile: string },
  window: { limit: number; offset: number } = { limit: 50, offset: 0 },
): Promise<{ rows: RequestIndexRow[]; total: number }> {
  // The query is digested the way the index was written; the index never saw the value in clear.
  const [column, digest] =
    'nationalCode' in by
      ? ['national_code_digest', digests.nationalCode(by.nationalCode)]
      : ['mobile_digest', digests.mobile(by.mobile)];
  const where = `WHERE EXISTS (SELECT 1 FROM intake.request_citizens c
                                WHERE c.tracking_code = r.tracking_code AND c.${column} = $1)`;
  const rows = (await manager.query(
    `${SELECT_ROWS} r ${where} ORDER BY registered_at DESC, tracking_code LIMIT $2 OFFSET $3`,
    [digest, window.limit, window.offset],
  )) as RequestIndexRow[];
  const [{ total }] = (await manager.query(
    `SELECT count(*)::int AS total FROM intake.request_index r ${where}`,
    [digest],
  )) as { total: number }[];
  return { rows, total };
}

/** An open request of the caller's: not answered, not closed (ADR 27). */
export interface PossibleDuplicateRow {
  tracking_code: string;
  category_code: string;
  county_code: string;
  status: RequestStatus;
  registered_at: Date;
}

/**
 * The caller's open requests in one category and county registered in the last `windowDays`: found by the
 * digests of the national code or the mobile the operator typed, never by the values themselves.
 */
export async function findPossibleDuplicates(
  manager: Pick<EntityManager, 'query'>,
  digests: CitizenDigests,
  by: {
    citizens: readonly { nationalCode?: string; mobile?: string }[];
    categoryCode: string;
    countyCode: string;
  },
  windowDays: number,
  now: Date,
): Promise<PossibleDuplicateRow[]> {
  const nationalDigests = by.citizens.flatMap((c) =>
    c.nationalCode ? [digests.nationalCode(c.nationalCode)] : [],
  );
  const mobileDigests = by.citizens.flatMap((c) => (c.mobile ? [digests.mobile(c.mobile)] : []));
  return (await manager.query(
    `SELECT r.tracking_code, r.category_code, r.county_code, r.status, r.registered_at
       FROM intake.request_index r
      WHERE r.category_code = $1 AND r.county_code = $2
        AND r.status NOT IN ('answered', 'closed')
        AND r.registered_at >= $3::timestamptz - $4 * interval '1 day'
        AND EXISTS (SELECT 1 FROM intake.request_citizens c
                     WHERE c.tracking_code = r.tracking_code
                       AND (c.national_code_digest = ANY($5::text[]) OR c.mobile_digest = ANY($6::text[])))
      ORDER BY r.registered_at DESC, r.tracking_code LIMIT 20`,
    [by.categoryCode, by.countyCode, now.toISOString(), windowDays, nationalDigests, mobileDigests],
  )) as PossibleDuplicateRow[];
}
