import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  encodeIntegrationEvent,
  requestLifecycleEventTypes,
  type RequestLifecycleIntegrationEvent,
} from '@samad/events';
import type { EventStore } from '@samad/event-store';
import { EVENT_STORE, MessageController, SamadMessageContext } from '@samad/service-kit';
import { agencyMessagesFor } from './agency-topics/agency-topic.messages';
import { toAgencyEnvelope } from './agency-topics/agency-topic-envelope';
import { RequestStateCache } from './agency-topics/request-state.cache';
import { projectIntoAgencyReadModel } from './read-model/agency-read-model.projection';

/** Keeps the agencies' inboxes and feeds each agency's own topic from the request events. */
@MessageController()
export class AgencyEventsMessageController {
  private readonly states = new RequestStateCache();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @EventPattern([...requestLifecycleEventTypes])
  async apply(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    await projectIntoAgencyReadModel(context.manager, event);
    // Keyed like the request topic (by stream), so an agency sees each request's messages in order.
    for (const message of await agencyMessagesFor(this.store, this.states, event)) {
      context.publish(message.topic, {
        key: message.key,
        value: encodeIntegrationEvent(toAgencyEnvelope(message, event)),
      });
    }
  }
}
