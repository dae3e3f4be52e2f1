import type { EventStore } from '@samad/event-store';
import { requestEventsOf } from '@samad/request-application';
import { isRegistered, requestStreamName, stateFromEvents } from '@samad/request-lifecycle';
import type { Sql } from '../routing-data/routing-data.queries';

/** Requests waiting for a supervisor, kept in routing.manual_queue. */
export const manualQueue = {
  async enqueue(
    sql: Sql,
    store: EventStore,
    entry: { trackingCode: string; reason: string; since: string },
  ): Promise<void> {
    // The waiting event names only the reason; category and county come from the registration.
    const registration = await store.readStream(requestStreamName(entry.trackingCode), { maxCount: 1 });
    const request = stateFromEvents(requestEventsOf(registration));
    if (!isRegistered(request))
      throw new Error(`stream of ${entry.trackingCode} does not start with a registration`);
    await sql.query(
      `INSERT INTO routing.manual_queue (tracking_code, category_code, county_code, reason, since)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tracking_code) DO UPDATE SET reason = EXCLUDED.reason, since = EXCLUDED.since`,
      [entry.trackingCode, request.categoryCode, request.countyCode, entry.reason, entry.since],
    );
  },

  async remove(sql: Sql, trackingCode: string): Promise<void> {
    await sql.query('DELETE FROM routing.manual_queue WHERE tracking_code = $1', [trackingCode]);
  },
};
