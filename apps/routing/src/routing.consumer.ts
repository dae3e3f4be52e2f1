import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IntegrationEventTypes, type IntegrationEvent } from '@samad/events';
import type { EventStore } from '@samad/event-store';
import { ConsumerHost, EVENT_STORE } from '@samad/service-kit';
import { manualQueue } from './manual-queue/manual-queue.projection';
import { RouteByRulesHandler } from './route-by-rules/route-by-rules.handler';

/** Routing's reaction to request events: route new and returned requests; keep the manual queue. */
@Injectable()
export class RoutingConsumer extends ConsumerHost {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly routeByRules: RouteByRulesHandler,
  ) {
    super();
  }

  protected async handle(event: IntegrationEvent, manager: EntityManager): Promise<void> {
    switch (event.eventType) {
      case IntegrationEventTypes.requestRegistered:
      case IntegrationEventTypes.requestReturnedAsNotResponsible:
        return this.routeByRules.handle(event.data.trackingCode, event, manager);
      case IntegrationEventTypes.requestAwaitingManualRouting: {
        const { trackingCode, reason, at } = event.data;
        return manualQueue.enqueue(manager, this.store, { trackingCode, reason, since: at });
      }
      case IntegrationEventTypes.requestRoutedToAgency:
      case IntegrationEventTypes.requestClosed:
        return manualQueue.remove(manager, event.data.trackingCode);
      default:
        return; // the rest of the lifecycle is the agencies' business
    }
  }
}
