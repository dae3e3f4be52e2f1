import type { EntityManager } from 'typeorm';
import { IntegrationEventTypes, type RequestLifecycleIntegrationEventV1 } from '@samad/events';
import { erasedText } from '@samad/request-lifecycle';

type Sql = Pick<EntityManager, 'query'>;

/**
 * Keeps agency.request_details and agency.inbox in step with the request's lifecycle. Rows change only
 * for the agency named by the event, so a late message about a former holder cannot touch the new one.
 */
export async function projectIntoAgencyReadModel(
  sql: Sql,
  event: RequestLifecycleIntegrationEventV1,
): Promise<void> {
  const at = event.occurredAt;
  switch (event.eventType) {
    case IntegrationEventTypes.requestRegistered: {
      const d = event.data;
      // Only what an agency needs to reach the citizen: the first signatory whose data is not erased.
      // A mobile-only citizen (ADR 39) has no national code but is not erased: its mobile is there.
      const found = d.citizens.findIndex((c) => c.mobile !== null);
      const contactIndex = found === -1 ? 0 : found;
      const contact = d.citizens[contactIndex];
      await sql.query(
        `INSERT INTO agency.request_details (tracking_code, kind, channel, collective, category_code, county_code,
           description, citizen_name, citizen_mobile, citizen_count, registered_at, contact_index, citizen_erased,
           priority)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (tracking_code) DO NOTHING`,
        [
          d.trackingCode,
          d.kind,
          d.channel,
          d.collective,
          d.categoryCode,
          d.countyCode,
          d.description,
          contact.fullName,
          contact.mobile,
          d.citizens.length,
          d.registeredAt,
          contactIndex,
          contact.mobile === null,
          d.priority ?? 'normal',
        ],
      );
      return;
    }
    case IntegrationEventTypes.requestPersonalDataErased: {
      // The contact goes when its citizen is erased; the request itself stays in the inbox.
      const { trackingCode, citizenIndex } = event.data;
      await sql.query(
        `UPDATE agency.request_details SET citizen_name = NULL, citizen_mobile = NULL, citizen_erased = true
          WHERE tracking_code = $1 AND contact_index = $2`,
        [trackingCode, citizenIndex],
      );
      // Free text is sealed under the representative's key (ADR 19): their erasure takes every text too.
      if (citizenIndex === 0) {
        await sql.query(`UPDATE agency.request_details SET description = $2 WHERE tracking_code = $1`, [
          trackingCode,
          erasedText,
        ]);
        await sql.query(`UPDATE agency.inbox SET answer_text = NULL WHERE tracking_code = $1`, [
          trackingCode,
        ]);
      }
      return;
    }
    case IntegrationEventTypes.requestRoutedToAgency: {
      const { trackingCode, agencyCode, dueAt } = event.data;
      await sql.query(
        `INSERT INTO agency.inbox (tracking_code, agency_code, status, due_at, routed_at, updated_at)
         VALUES ($1, $2, 'routed', $3, $4, $4)
         ON CONFLICT (tracking_code) DO UPDATE SET
           agency_code = EXCLUDED.agency_code, status = 'routed', due_at = EXCLUDED.due_at,
           routed_at = EXCLUDED.routed_at, acknowledged_at = NULL, referred_to = NULL,
           answered_at = NULL, outcome = NULL, answer_text = NULL, updated_at = EXCLUDED.updated_at`,
        [trackingCode, agencyCode, dueAt, at],
      );
      return;
    }
    case IntegrationEventTypes.requestAcknowledged: {
      const { trackingCode, agencyCode } = event.data;
      await sql.query(
        `UPDATE agency.inbox SET status = 'acknowledged', acknowledged_at = $3, updated_at = $3
          WHERE tracking_code = $1 AND agency_code = $2`,
        [trackingCode, agencyCode, at],
      );
      return;
    }
    case IntegrationEventTypes.requestReferredInsideAgency: {
      const { trackingCode, agencyCode, unit, toStaff } = event.data;
      const referredTo = [unit, toStaff].filter(Boolean).join(' / ');
      await sql.query(
        `UPDATE agency.inbox SET status = 'referred', referred_to = $3,
                acknowledged_at = coalesce(acknowledged_at, $4), updated_at = $4
          WHERE tracking_code = $1 AND agency_code = $2`,
        [trackingCode, agencyCode, referredTo, at],
      );
      return;
    }
    case IntegrationEventTypes.requestReturnedAsNotResponsible: {
      // Not theirs: it leaves this agency's inbox; routing finds the next one.
      const { trackingCode, agencyCode } = event.data;
      await sql.query('DELETE FROM agency.inbox WHERE tracking_code = $1 AND agency_code = $2', [
        trackingCode,
        agencyCode,
      ]);
      return;
    }
    case IntegrationEventTypes.requestAnswered: {
      const { trackingCode, agencyCode, outcome, text, answeredAt } = event.data;
      await sql.query(
        `UPDATE agency.inbox SET status = 'answered', answered_at = $3, outcome = $4, answer_text = $5, updated_at = $3
          WHERE tracking_code = $1 AND agency_code = $2`,
        [trackingCode, agencyCode, answeredAt, outcome, text],
      );
      return;
    }
    case IntegrationEventTypes.requestClosed:
    case IntegrationEventTypes.requestMergedAsDuplicate: // ADR 27: a merged duplicate closes like any other
      await sql.query(`UPDATE agency.inbox SET status = 'closed', updated_at = $2 WHERE tracking_code = $1`, [
        event.data.trackingCode,
        at,
      ]);
      return;
    case IntegrationEventTypes.requestDueTimeSet:
    case IntegrationEventTypes.requestExtensionApproved:
    case IntegrationEventTypes.requestDeadlineResumed: {
      const { trackingCode, agencyCode, dueAt } = event.data;
      await sql.query(
        `UPDATE agency.inbox SET due_at = $3, updated_at = $4 WHERE tracking_code = $1 AND agency_code = $2`,
        [trackingCode, agencyCode, dueAt, at],
      );
      return;
    }
    case IntegrationEventTypes.requestAnswerObjected: {
      // The citizen objected: back in the same agency's inbox as new work, with its new due time.
      const { trackingCode, agencyCode, dueAt } = event.data;
      await sql.query(
        `UPDATE agency.inbox SET status = 'routed', due_at = $3, routed_at = $4, acknowledged_at = NULL,
                referred_to = NULL, answered_at = NULL, outcome = NULL, answer_text = NULL, updated_at = $4
          WHERE tracking_code = $1 AND agency_code = $2`,
        [trackingCode, agencyCode, dueAt, at],
      );
      return;
    }
    case IntegrationEventTypes.requestLinkedToMatter:
      // ADR 27: the agency answers a matter once, for every request of it that it holds.
      await sql.query(`UPDATE agency.request_details SET matter_id = $2 WHERE tracking_code = $1`, [
        event.data.trackingCode,
        event.data.matterId,
      ]);
      return;
    // ADR 37: the directives binding this agency; the instruction and the report are not here.
    case IntegrationEventTypes.requestDirectiveIssued: {
      const { directiveId, trackingCode, agencyCode, role, dueAt } = event.data;
      await sql.query(
        `INSERT INTO agency.directives (directive_id, tracking_code, agency_code, role, due_at, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (directive_id) DO NOTHING`,
        [directiveId, trackingCode, agencyCode, role, dueAt, at],
      );
      return;
    }
    case IntegrationEventTypes.requestDirectiveReported:
      await sql.query(`UPDATE agency.directives SET reported_at = $2, late = $3 WHERE directive_id = $1`, [
        event.data.directiveId,
        at,
        event.data.late,
      ]);
      return;
    case IntegrationEventTypes.requestDirectiveOverdue:
      await sql.query(`UPDATE agency.directives SET overdue_at = $2 WHERE directive_id = $1`, [
        event.data.directiveId,
        at,
      ]);
      return;
    case IntegrationEventTypes.requestDuplicateAbsorbed:
    case IntegrationEventTypes.requestSignatoryAdded:
    case IntegrationEventTypes.requestAnswerRated:
    case IntegrationEventTypes.requestAwaitingManualRouting:
    case IntegrationEventTypes.followUpRecorded:
    case IntegrationEventTypes.requestDeadlineApproaching:
    case IntegrationEventTypes.requestDeadlineMissed:
    case IntegrationEventTypes.requestEscalated:
    case IntegrationEventTypes.requestExtensionRequested:
    case IntegrationEventTypes.requestExtensionRefused:
    case IntegrationEventTypes.requestInformationRequested:
    case IntegrationEventTypes.requestInformationSupplied:
    case IntegrationEventTypes.requestAttachmentAdded:
      return; // nothing an inbox row shows (follow-ups reach the agency on its topic)
    default: {
      const _exhaustive: never = event;
      void _exhaustive;
    }
  }
}
