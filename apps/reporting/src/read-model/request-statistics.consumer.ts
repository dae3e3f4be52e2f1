import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@samad/events';
import { ConsumerHost } from '@samad/service-kit';
import { projectRequestStatistics } from './request-statistics.projection';

/** Keeps `reporting.requests` up to date from the request events topic (idempotent, per-request order). */
@Injectable()
export class RequestStatisticsConsumer extends ConsumerHost {
  protected handle(event: IntegrationEvent, manager: EntityManager): Promise<void> {
    return projectRequestStatistics(event, manager);
  }
}
