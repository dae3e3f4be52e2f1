import type { DataSource, EntityManager } from 'typeorm';
import { IntegrationEventTypes, type RequestLifecycleIntegrationEventV1 } from '@samad/events';
import { maskIdentifier } from '@samad/request-lifecycle';
import { pageOfRows, type Page, type PageWindow } from '@samad/service-kit';
import { composeSms, noticeOf, recipientsOfRegistration, type MessageSettings } from './citizen-notices';

/**
 * Records what a request fact means for its citizens, inside the consumer's transaction (with its
 * processed-event record): recipients on registration, one notice per fact and citizen (event id +
 * citizen index is unique, so a redelivery adds nothing), and an erasure's clean-up.
 */
export async function recordCitizenNotices(
  manager: EntityManager,
  event: RequestLifecycleIntegrationEventV1,
  settings: MessageSettings,
): Promise<void> {
  if (event.eventType === IntegrationEventTypes.requestPersonalDataErased) {
    return forgetCitizen(manager, event.data.trackingCode, event.data.citizenIndex);
  }
  if (event.eventType === IntegrationEventTypes.requestRegistered) {
    const recipients = recipientsOfRegistration(event.data.citizens);
    if (recipients.length === 0) return;
    await manager.query(
      `INSERT INTO intake.notification_recipients (tracking_code, citizen_index, mobile)
       SELECT $1, * FROM unnest($2::int[], $3::text[]) ON CONFLICT DO NOTHING`,
      [event.data.trackingCode, recipients.map((r) => r.citizenIndex), recipients.map((r) => r.mobile)],
    );
  }
  if (event.eventType === IntegrationEventTypes.requestDuplicateAbsorbed) {
    // In the survivor's stream, so before any answer of the survivor: its followers are known in time.
    await manager.query(
      `INSERT INTO intake.request_merges (absorbed_code, survivor_code, merged_at) VALUES ($1, $2, $3)
       ON CONFLICT (absorbed_code) DO NOTHING`,
      [event.data.absorbedCode, event.data.trackingCode, event.data.at],
    );
    return;
  }
  const notice = noticeOf(event);
  if (!notice) return;
  // Every citizen still reachable on this request gets it; an erased one has no recipient row.
  await manager.query(
    `INSERT INTO intake.notifications (event_id, tracking_code, citizen_index, kind, message)
     SELECT $1, r.tracking_code, r.citizen_index, $3, $4
       FROM intake.notification_recipients r WHERE r.tracking_code = $2
     ON CONFLICT (event_id, tracking_code, citizen_index) DO NOTHING`,
    [event.eventId, notice.trackingCode, notice.kind, composeSms(notice, settings)],
  );
  if (notice.kind === 'registered') return;
  // The citizens of requests merged into this one (ADR 27) follow it: each is told under their own code,
  // whose lookup (with their own digits) shows the survivor; a mobile already told of this fact is skipped.
  for (const trackingCode of await followersOf(manager, notice.trackingCode)) {
    await manager.query(
      `INSERT INTO intake.notifications (event_id, tracking_code, citizen_index, kind, message)
       SELECT $1, r.tracking_code, r.citizen_index, $3, $4
         FROM intake.notification_recipients r
        WHERE r.tracking_code = $2
          AND NOT EXISTS (
            SELECT 1 FROM intake.notifications n
              JOIN intake.notification_recipients told
                ON told.tracking_code = n.tracking_code AND told.citizen_index = n.citizen_index
             WHERE n.event_id = $1 AND told.mobile = r.mobile)
       ON CONFLICT (event_id, tracking_code, citizen_index) DO NOTHING`,
      [event.eventId, trackingCode, notice.kind, composeSms({ ...notice, trackingCode }, settings)],
    );
  }
}

/** The requests merged into this one, and those merged into them, nearest first. */
async function followersOf(manager: EntityManager, survivorCode: string): Promise<string[]> {
  const rows = (await manager.query(
    `WITH RECURSIVE followers (code, depth) AS (
       SELECT absorbed_code, 1 FROM intake.request_merges WHERE survivor_code = $1
       UNION
       SELECT m.absorbed_code, f.depth + 1
         FROM intake.request_merges m JOIN followers f ON m.survivor_code = f.code
        WHERE f.depth < 20)
     SELECT code FROM followers ORDER BY depth, code`,
    [survivorCode],
  )) as { code: string }[];
  return [...new Set(rows.map((r) => r.code))];
}

/** An erased citizen gets nothing more, and no row keeps their mobile. */
async function forgetCitizen(
  manager: EntityManager,
  trackingCode: string,
  citizenIndex: number,
): Promise<void> {
  await manager.query(
    `DELETE FROM intake.notification_recipients WHERE tracking_code = $1 AND citizen_index = $2`,
    [trackingCode, citizenIndex],
  );
  await manager.query(
    `UPDATE intake.notifications SET status = 'cancelled', last_error = 'personal data erased'
      WHERE tracking_code = $1 AND citizen_index = $2 AND status = 'pending'`,
    [trackingCode, citizenIndex],
  );
  await manager.query(
    `DELETE FROM intake.sms_outbox o USING intake.notifications n
      WHERE o.notification_id = n.id AND n.tracking_code = $1 AND n.citizen_index = $2`,
    [trackingCode, citizenIndex],
  );
}

/** A notice taken for sending, with its recipient's mobile (null: erased meanwhile). */
export interface DueNotification {
  readonly id: string;
  readonly kind: string;
  readonly message: string;
  readonly attempts: number;
  readonly mobile: string | null;
}

/**
 * Takes up to `limit` due notices and leases them for `leaseMs` (a replica that dies mid-send leaves
 * them to be taken again: at-least-once). SKIP LOCKED lets replicas take different ones.
 */
export async function takeDueNotifications(
  dataSource: DataSource,
  limit: number,
  leaseMs: number,
): Promise<DueNotification[]> {
  return (await dataSource.query(
    // Ends in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    `WITH due AS (
       SELECT id FROM intake.notifications
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED),
     taken AS (
       UPDATE intake.notifications n
          SET attempts = n.attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond'
         FROM due
        WHERE n.id = due.id
       RETURNING n.id, n.tracking_code, n.citizen_index, n.kind, n.message, n.attempts)
     SELECT t.id::text AS id, t.kind, t.message, t.attempts, r.mobile
       FROM taken t
       LEFT JOIN intake.notification_recipients r
         ON r.tracking_code = t.tracking_code AND r.citizen_index = t.citizen_index
      ORDER BY t.id`,
    [limit, leaseMs],
  )) as DueNotification[];
}

export async function markSent(
  dataSource: DataSource,
  id: string,
  gateway: string,
  messageId: string | undefined,
): Promise<void> {
  await dataSource.query(
    `UPDATE intake.notifications
        SET status = 'sent', sent_at = now(), gateway = $2, gateway_message_id = $3, last_error = NULL
      WHERE id = $1 AND status = 'pending'`,
    [id, gateway, messageId ?? null],
  );
}

/** A failed attempt: tried again after `retryInMs`, or parked (`retryInMs` undefined). */
export async function markFailed(
  dataSource: DataSource,
  id: string,
  reason: string,
  retryInMs: number | undefined,
): Promise<void> {
  await dataSource.query(
    `UPDATE intake.notifications
        SET status = CASE WHEN $3::int IS NULL THEN 'parked' ELSE 'pending' END,
            next_attempt_at = now() + coalesce($3::int, 0) * interval '1 millisecond',
            last_error = $2
      WHERE id = $1 AND status = 'pending'`,
    [id, reason, retryInMs ?? null],
  );
}

export async function markCancelled(dataSource: DataSource, id: string, reason: string): Promise<void> {
  await dataSource.query(
    `UPDATE intake.notifications SET status = 'cancelled', last_error = $2 WHERE id = $1 AND status = 'pending'`,
    [id, reason],
  );
}

/** A notice as an administrator sees it: the mobile masked to its last four digits. */
export interface NotificationView {
  id: string;
  trackingCode: string;
  kind: string;
  status: string;
  recipient: string | null;
  message: string;
  attempts: number;
  lastError: string | null;
  gateway: string | null;
  createdAt: string;
  sentAt: string | null;
}

export async function listNotifications(
  dataSource: DataSource,
  filter: { trackingCode?: string; status?: string },
  window: PageWindow,
): Promise<Page<NotificationView>> {
  const rows: {
    id: string;
    tracking_code: string;
    kind: string;
    status: string;
    mobile: string | null;
    message: string;
    attempts: number;
    last_error: string | null;
    gateway: string | null;
    created_at: Date;
    sent_at: Date | null;
    total: number;
  }[] = await dataSource.query(
    `SELECT n.id::text AS id, n.tracking_code, n.kind, n.status, r.mobile, n.message, n.attempts, n.last_error,
            n.gateway, n.created_at, n.sent_at, (count(*) OVER ())::int AS total
       FROM intake.notifications n
       LEFT JOIN intake.notification_recipients r
         ON r.tracking_code = n.tracking_code AND r.citizen_index = n.citizen_index
      WHERE ($1::text IS NULL OR n.tracking_code = $1) AND ($2::text IS NULL OR n.status = $2)
      ORDER BY n.id DESC LIMIT $3 OFFSET $4`,
    [filter.trackingCode ?? null, filter.status ?? null, window.limit, window.offset],
  );
  const countAll = async (): Promise<number> => {
    const [{ total }]: { total: number }[] = await dataSource.query(
      `SELECT count(*)::int AS total FROM intake.notifications n
        WHERE ($1::text IS NULL OR n.tracking_code = $1) AND ($2::text IS NULL OR n.status = $2)`,
      [filter.trackingCode ?? null, filter.status ?? null],
    );
    return total;
  };
  return pageOfRows(
    rows,
    window,
    (r) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      kind: r.kind,
      status: r.status,
      recipient: r.mobile === null ? null : maskIdentifier(r.mobile),
      message: r.message,
      attempts: r.attempts,
      lastError: r.last_error,
      gateway: r.gateway,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
    }),
    countAll,
  );
}
