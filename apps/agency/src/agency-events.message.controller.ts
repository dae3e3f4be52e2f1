import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { requestLifecycleEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import { MessageController, SamadMessageContext } from '@samad/service-kit';
import { projectIntoAgencyReadModel } from './read-model/agency-read-model.projection';

/** Keeps the agencies' inboxes from the request events (the agency topics are fed by AgencyTopicRelayHost). */
@MessageController()
export class AgencyEventsMessageController {
  @EventPattern([...requestLifecycleEventTypes])
  async apply(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    await projectIntoAgencyReadModel(context.manager, event);
  }
}
