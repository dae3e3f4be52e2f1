import type { EntityManager } from 'typeorm';
import { IntegrationEventTypes, type IntegrationEvent } from '@samad/events';
import {
  evolveRequestStatistics,
  isStatisticsEvent,
  LIVE_REQUESTS_TABLE,
  readRequestStatisticsForUpdate,
  writeRequestStatistics,
} from '@samad/reporting-read-model';
import { UnprocessableMessageError } from '@samad/service-kit';

/**
 * Applies one request event to `reporting.requests`, inside the consumer's transaction: read the row (locked),
 * evolve it with the read model's pure rule (the one rebuilds and as-of reports fold the store with), write it.
 * Only codes, statuses, counts and timestamps are copied: citizens' personal data and free text never are.
 */
export async function projectRequestStatistics(
  event: IntegrationEvent,
  manager: EntityManager,
): Promise<void> {
  const registration = event.eventType === IntegrationEventTypes.requestRegistered;
  if (!registration && !isStatisticsEvent(event)) return;
  const { trackingCode } = event.data as { trackingCode: string };
  const row = await readRequestStatisticsForUpdate(manager, LIVE_REQUESTS_TABLE, trackingCode);
  const step = evolveRequestStatistics(row, event);
  switch (step.kind) {
    case 'insert':
    case 'update':
      await writeRequestStatistics(manager, LIVE_REQUESTS_TABLE, [step.row]);
      return;
    case 'unknown_request':
      // Per-request order means registration always comes first; without it, retry and then park the message.
      throw new UnprocessableMessageError(
        `request ${trackingCode} is not in the read model (its registration is missing)`,
      );
    case 'unchanged':
      return;
  }
}
