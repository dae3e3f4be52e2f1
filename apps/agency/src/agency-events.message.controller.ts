import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  encodeIntegrationEvent,
  requestLifecycleEventTypes,
  type RequestLifecycleIntegrationEvent,
} from '@samad/events';
import type { EventStore } from '@samad/event-store';
import type { CitizenKeyVault } from '@samad/personal-data';
import { openRequestEvent } from '@samad/request-application';
import { CITIZEN_KEY_VAULT, EVENT_STORE, MessageController, SamadMessageContext } from '@samad/service-kit';
import { agencyMessagesFor } from './agency-topics/agency-topic.messages';
import { toAgencyEnvelope } from './agency-topics/agency-topic-envelope';
import { RequestStateCache } from './agency-topics/request-state.cache';
import { projectIntoAgencyReadModel } from './read-model/agency-read-model.projection';

/** Keeps the agencies' inboxes and feeds each agency's own topic from the request events. */
@MessageController()
export class AgencyEventsMessageController {
  private readonly states = new RequestStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CITIZEN_KEY_VAULT) private readonly vault: CitizenKeyVault,
  ) {}

  @EventPattern([...requestLifecycleEventTypes])
  async apply(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    // The inbox shows the contact and the texts, so it opens them (the topic carries them sealed).
    await projectIntoAgencyReadModel(context.manager, await openRequestEvent(this.vault, event));
    // Keyed like the request topic (by stream), so an agency sees each request's messages in order.
    for (const message of await agencyMessagesFor(this.store, this.states, event)) {
      context.publish(message.topic, {
        key: message.key,
        value: encodeIntegrationEvent(toAgencyEnvelope(message, event)),
      });
    }
  }
}
