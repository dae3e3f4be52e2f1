import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { requestLifecycleEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import { MessageController, SamadMessageContext } from '@samad/service-kit';
import { projectRequestStatistics } from './request-statistics.projection';

/** Keeps `reporting.requests` up to date from the request events topic (idempotent, per-request order). */
@MessageController()
export class RequestStatisticsMessageController {
  @EventPattern([...requestLifecycleEventTypes])
  count(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    return projectRequestStatistics(event, context.manager);
  }
}
