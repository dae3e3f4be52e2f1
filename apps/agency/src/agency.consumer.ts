import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  IntegrationEventTypes,
  type IntegrationEvent,
  type RequestLifecycleIntegrationEvent,
} from '@samad/events';
import type { EventStore } from '@samad/event-store';
import { ConsumerHost, EVENT_STORE } from '@samad/service-kit';
import { agencyMessagesFor } from './agency-topics/agency-messages.reader';
import { AgencyTopicPublisher } from './agency-topics/agency-topic.publisher';
import { projectIntoAgencyReadModel } from './read-model/agency-read-model.projection';

const isRequestLifecycleEvent = (event: IntegrationEvent): event is RequestLifecycleIntegrationEvent =>
  event.eventType !== IntegrationEventTypes.agencyRequestAssigned &&
  event.eventType !== IntegrationEventTypes.agencyRequestUpdated;

/** Keeps the agencies' inboxes and feeds each agency's own topic from the request events. */
@Injectable()
export class AgencyConsumer extends ConsumerHost {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly publisher: AgencyTopicPublisher,
  ) {
    super();
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    await this.publisher.close();
  }

  protected async handle(event: IntegrationEvent, manager: EntityManager): Promise<void> {
    if (!isRequestLifecycleEvent(event)) return;
    await projectIntoAgencyReadModel(manager, event);
    // Sent before the transaction commits: a crash in between re-sends it (at-least-once), never loses it.
    await this.publisher.publish(await agencyMessagesFor(this.store, event), event);
  }
}
