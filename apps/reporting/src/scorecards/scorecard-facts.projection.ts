import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@samad/events';
import { scorecardFactOf } from './scorecard-facts';

/**
 * Records the event's scorecard fact in `reporting.scorecard_facts`, inside the consumer's transaction
 * (with its processed-event record). Run before the statistics row changes: an answer takes its county,
 * the moment the agency received the request and the due time then running from that row.
 */
export async function projectScorecardFact(event: IntegrationEvent, manager: EntityManager): Promise<void> {
  const fact = scorecardFactOf(event);
  if (!fact) return;
  await manager.query(
    `INSERT INTO reporting.scorecard_facts
       (event_id, kind, tracking_code, agency_code, county_code, at, received_at, due_at, value)
     SELECT $1, $2, $3, $4, r.county_code, $5,
            CASE WHEN $2 = 'answered' THEN r.routed_at END,
            COALESCE($6::timestamptz, CASE WHEN $2 = 'answered' THEN r.due_at END),
            $7
       FROM reporting.requests r
      WHERE r.tracking_code = $3
     ON CONFLICT (event_id) DO NOTHING`,
    [
      event.eventId,
      fact.kind,
      fact.trackingCode,
      fact.agencyCode,
      fact.at,
      fact.dueAt ?? null,
      fact.value ?? null,
    ],
  );
}
