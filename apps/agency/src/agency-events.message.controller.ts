import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { requestLifecycleEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import type { CitizenKeyVault } from '@samad/personal-data';
import { openRequestEvent } from '@samad/request-application';
import { CITIZEN_KEY_VAULT, MessageController, SamadMessageContext } from '@samad/service-kit';
import { projectIntoAgencyReadModel } from './read-model/agency-read-model.projection';

/** Keeps the agencies' inboxes from the request events (the agency topics are fed by AgencyTopicRelayHost). */
@MessageController()
export class AgencyEventsMessageController {
  constructor(@Inject(CITIZEN_KEY_VAULT) private readonly vault: CitizenKeyVault) {}

  @EventPattern([...requestLifecycleEventTypes])
  async apply(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    // The inbox shows the contact and the texts, so it opens them (the topic carries them sealed).
    await projectIntoAgencyReadModel(context.manager, await openRequestEvent(this.vault, event));
  }
}
