import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ConsumerHost, KAFKA, type IntegrationEventConsumerOptions } from '@samad/service-kit';
import { projectRequestStatistics } from './request-statistics.projection';

export const REPORTING_CONSUMER_GROUP = 'samad-reporting';

/** Keeps `reporting.requests` up to date from the request events topic (idempotent, per-request order). */
@Injectable()
export class RequestStatisticsConsumer extends ConsumerHost {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  protected consumerOptions(): IntegrationEventConsumerOptions {
    return {
      kafka: this.kafka,
      dataSource: this.dataSource,
      schema: 'reporting',
      groupId: REPORTING_CONSUMER_GROUP,
      handle: projectRequestStatistics,
    };
  }
}
