import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { CitizenKeyVault } from '@samad/personal-data';
import {
  CITIZEN_KEY_VAULT,
  ConsumerHost,
  KAFKA,
  type IntegrationEventConsumerOptions,
} from '@samad/service-kit';
import { requestIndexProjection } from './request-index.projection';

/** Keeps intake.request_index from the request-events topic (idempotent; per-request order kept). */
@Injectable()
export class RequestIndexConsumer extends ConsumerHost {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(CITIZEN_KEY_VAULT) private readonly vault: CitizenKeyVault,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  protected consumerOptions(): IntegrationEventConsumerOptions {
    return {
      kafka: this.kafka,
      dataSource: this.dataSource,
      schema: 'intake',
      groupId: 'samad-intake',
      handle: requestIndexProjection(this.vault.digests),
    };
  }
}
