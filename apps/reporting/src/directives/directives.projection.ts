import type { EntityManager } from 'typeorm';
import { IntegrationEventTypes as T, type IntegrationEvent } from '@samad/events';

/** Keeps `reporting.directives` from the directive facts (ADR 37); idempotent, like every projection here. */
export async function projectDirective(
  event: IntegrationEvent,
  manager: Pick<EntityManager, 'query'>,
): Promise<void> {
  switch (event.eventType) {
    case T.requestDirectiveIssued: {
      const { directiveId, trackingCode, agencyCode, issuedBy, role, dueAt, at } = event.data;
      await manager.query(
        `INSERT INTO reporting.directives
           (directive_id, tracking_code, agency_code, issued_by, role, due_at, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (directive_id) DO NOTHING`,
        [directiveId, trackingCode, agencyCode, issuedBy, role, dueAt, at],
      );
      return;
    }
    case T.requestDirectiveReported:
      await manager.query(
        `UPDATE reporting.directives SET reported_at = $2, late = $3 WHERE directive_id = $1`,
        [event.data.directiveId, event.data.at, event.data.late],
      );
      return;
    case T.requestDirectiveOverdue:
      await manager.query(`UPDATE reporting.directives SET overdue_at = $2 WHERE directive_id = $1`, [
        event.data.directiveId,
        event.data.at,
      ]);
      return;
    default:
      return;
  }
}
