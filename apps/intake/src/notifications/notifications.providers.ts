import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import { KavenegarSmsGateway } from './kavenegar.sms-gateway';
import { NotificationSender } from './notification.sender';
import { OutboxSmsGateway } from './outbox.sms-gateway';
import { SmsMetrics } from './sms.metrics';
import { SMS_GATEWAY, type SmsGateway } from './sms-gateway.port';

/** The gateway the configuration names (a Kavenegar API key, or the local outbox) and the sender loop. */
export const notificationProviders: Provider[] = [
  {
    provide: SMS_GATEWAY,
    inject: [SERVICE_CONFIG, DataSource],
    useFactory: (config: ServiceConfig, dataSource: DataSource): SmsGateway => {
      const gateway = config.notifications?.gateway;
      return gateway?.kind === 'kavenegar'
        ? new KavenegarSmsGateway(gateway)
        : new OutboxSmsGateway(dataSource);
    },
  },
  NotificationSender,
  SmsMetrics,
];
