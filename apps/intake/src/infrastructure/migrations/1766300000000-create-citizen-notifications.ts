import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizens' notifications (ADR 0023). notification_recipients is the one place a mobile is kept, in clear
 * because the gateway needs it, and deleted on erasure; notifications holds each notice (per fact and
 * citizen) with its sending state; sms_outbox is the local gateway's "sent" box.
 */
export class CreateCitizenNotifications1766300000000 implements MigrationInterface {
  readonly name = 'CreateCitizenNotifications1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS intake.notification_recipients (
        tracking_code text    NOT NULL,
        citizen_index integer NOT NULL,
        mobile        text    NOT NULL,
        PRIMARY KEY (tracking_code, citizen_index)
      )`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS intake.notifications (
        id              bigserial   PRIMARY KEY,
        event_id        uuid        NOT NULL,
        tracking_code   text        NOT NULL,
        citizen_index   integer     NOT NULL,
        kind            text        NOT NULL,
        message         text        NOT NULL,
        status          text        NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sent', 'parked', 'cancelled')),
        attempts        integer     NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text,
        gateway         text,
        gateway_message_id text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz,
        UNIQUE (event_id, citizen_index)
      )`);
    await q.query(`
      CREATE INDEX IF NOT EXISTS notifications_due_idx ON intake.notifications (next_attempt_at)
        WHERE status = 'pending'`);
    await q.query(`
      CREATE INDEX IF NOT EXISTS notifications_citizen_idx ON intake.notifications (tracking_code, citizen_index)`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS intake.sms_outbox (
        id              bigserial   PRIMARY KEY,
        notification_id bigint      NOT NULL UNIQUE REFERENCES intake.notifications (id) ON DELETE CASCADE,
        receptor        text        NOT NULL,
        message         text        NOT NULL,
        sent_at         timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS intake.sms_outbox`);
    await q.query(`DROP TABLE IF EXISTS intake.notifications`);
    await q.query(`DROP TABLE IF EXISTS intake.notification_recipients`);
  }
}
