import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { requestLifecycleEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import { MessageController, SamadMessageContext } from '@samad/service-kit';
import { projectDirective } from '../directives/directives.projection';
import { projectScorecardFact } from '../scorecards/scorecard-facts.projection';
import { projectRequestStatistics } from './request-statistics.projection';

/** Keeps `reporting.requests` and the scorecard facts up to date from the request events topic (idempotent, per-request order). */
@MessageController()
export class RequestStatisticsMessageController {
  @EventPattern([...requestLifecycleEventTypes])
  async count(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    // The scorecard fact first: an answer reads the routing it answers from the row before it changes.
    await projectScorecardFact(event, context.manager);
    await projectRequestStatistics(event, context.manager);
    await projectDirective(event, context.manager);
  }
}
