import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, type NotificationsConfig, type ServiceConfig } from '@samad/service-kit';
import {
  markCancelled,
  markFailed,
  markSent,
  takeDueNotifications,
  type DueNotification,
} from './notification.store';
import { afterAttempt } from './sending-policy';
import { SMS_GATEWAY, type SmsGateway, type SmsSendResult } from './sms-gateway.port';

const BATCH = 20;

// An error's kind and code only: a driver's message may quote the values it was given (mobile, text).
const safeReason = (error: unknown): string => {
  const { name, code } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
  };
  return `${typeof name === 'string' ? name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}`;
};

/**
 * Sends due notices through the SMS gateway, apart from registration and from the consumer (a gateway that
 * is down delays texts, never requests). Logs name notices by id: never a mobile or a text.
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Notifications');
  private readonly settings: NotificationsConfig;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;
  private paused = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SMS_GATEWAY) private readonly gateway: SmsGateway,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    if (!config.notifications) throw new Error('intake needs its notifications configuration');
    this.settings = config.notifications;
  }

  onApplicationBootstrap(): void {
    this.log.log(
      this.gateway.name === 'outbox'
        ? 'citizens’ SMS go to the local outbox (intake.sms_outbox; GET /api/admin/notifications)'
        : `citizens’ SMS go to the ${this.gateway.name} gateway`,
    );
    this.schedule();
  }

  // Before the database pool closes (TypeORM closes it on application shutdown).
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.sendDue()
        .then(() => {
          if (this.paused) this.log.log('sending resumed');
          this.paused = false;
        })
        .catch((error: unknown) => {
          // Said once per outage: the database being away is the consumer's and readiness's news too.
          if (!this.paused) this.log.warn(`sending paused: ${safeReason(error)}`);
          this.paused = true;
        })
        .finally(() => this.schedule());
    }, this.settings.pollMs);
  }

  /** Sends every due notice, a batch at a time. */
  private async sendDue(): Promise<void> {
    // Held past a send's timeout, so a slow gateway never has two replicas sending one notice at once.
    const leaseMs =
      (this.settings.gateway.kind === 'kavenegar' ? this.settings.gateway.timeoutMs : 0) + 30000;
    while (!this.stopping) {
      const due = await takeDueNotifications(this.dataSource, BATCH, leaseMs);
      for (const notice of due) await this.sendOne(notice);
      if (due.length < BATCH) return;
    }
  }

  private async sendOne(notice: DueNotification): Promise<void> {
    if (notice.mobile === null) {
      await markCancelled(this.dataSource, notice.id, 'personal data erased');
      return;
    }
    let result: SmsSendResult;
    try {
      result = await this.gateway.send({
        reference: notice.id,
        receptor: notice.mobile,
        message: notice.message,
      });
    } catch (error) {
      result = { ok: false, kind: 'transient', reason: safeReason(error) };
    }
    const next = afterAttempt(result, notice.attempts, this.settings);
    if (next.next === 'done') {
      await markSent(this.dataSource, notice.id, this.gateway.name, result.ok ? result.messageId : undefined);
      return;
    }
    const reason = result.ok ? '' : result.reason;
    if (next.next === 'park') {
      this.log.warn(
        `notification ${notice.id} (${notice.kind}) parked after attempt ${notice.attempts}: ${reason}`,
      );
      await markFailed(this.dataSource, notice.id, reason, undefined);
    } else {
      this.log.warn(`notification ${notice.id} (${notice.kind}) retried in ${next.inMs} ms: ${reason}`);
      await markFailed(this.dataSource, notice.id, reason, next.inMs);
    }
  }
}
