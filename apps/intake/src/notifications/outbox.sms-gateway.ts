import type { DataSource } from 'typeorm';
import type { OutgoingSms, SmsGateway, SmsSendResult } from './sms-gateway.port';

/**
 * The local stand-in for an SMS provider (`npm start` without KAVENEGAR_API_KEY): each text is written to
 * intake.sms_outbox, where an administrator sees it (GET /api/admin/notifications). Erasure clears it.
 */
export class OutboxSmsGateway implements SmsGateway {
  readonly name = 'outbox';

  constructor(private readonly dataSource: DataSource) {}

  async send(sms: OutgoingSms): Promise<SmsSendResult> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO intake.sms_outbox (notification_id, receptor, message) VALUES ($1, $2, $3)
       ON CONFLICT (notification_id) DO UPDATE SET sent_at = intake.sms_outbox.sent_at
       RETURNING id`,
      [sms.reference, sms.receptor, sms.message],
    );
    return { ok: true, messageId: `outbox-${rows[0].id}` };
  }
}
