import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { IntegrationEventTypes as T, type IntegrationEventOf } from '@samad/events';
import type { EventStore } from '@samad/event-store';
import { verdictWindowEndsAt } from '@samad/request-lifecycle';
import {
  EVENT_STORE,
  MessageController,
  SamadMessageContext,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@samad/service-kit';
import { openDeadlines } from './deadlines/open-deadlines.table';
import { directiveDeadlines } from './directives/directive-deadlines.table';
import { verdictWindows } from './verdict-window/verdict-windows.table';
import { manualQueue } from './manual-queue/manual-queue.projection';
import { RouteByRulesHandler } from './route-by-rules/route-by-rules.handler';

type RoutingCause = IntegrationEventOf<typeof T.requestRegistered | typeof T.requestReturnedAsNotResponsible>;

/** Routing's reaction to request events: route new and returned requests; keep the manual queue. */
@MessageController()
export class RoutingEventsMessageController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly routeByRules: RouteByRulesHandler,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** An answer opens the citizen's verdict window; the watcher closes the request when it ends (ADR 25). */
  @EventPattern(T.requestAnswered)
  openVerdictWindow(
    @Payload() event: IntegrationEventOf<typeof T.requestAnswered>,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    const { trackingCode, answeredAt } = event.data;
    const closesAt = verdictWindowEndsAt(answeredAt, this.config.verdict.windowDays);
    return verdictWindows.schedule(context.manager, trackingCode, closesAt, event.streamRevision);
  }

  /** A directive given or reported on (ADR 37): the watcher looks at the request now and schedules it. */
  @EventPattern([T.requestDirectiveIssued, T.requestDirectiveReported])
  watchDirectives(
    @Payload()
    event: IntegrationEventOf<typeof T.requestDirectiveIssued | typeof T.requestDirectiveReported>,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    return directiveDeadlines.schedule(
      context.manager,
      event.data.trackingCode,
      event.occurredAt,
      event.streamRevision,
    );
  }

  @EventPattern([T.requestRegistered, T.requestReturnedAsNotResponsible])
  route(@Payload() event: RoutingCause, @Ctx() context: SamadMessageContext): Promise<void> {
    return this.routeByRules.handle(event.data.trackingCode, event, context.manager);
  }

  @EventPattern(T.requestAwaitingManualRouting)
  enqueue(
    @Payload() event: IntegrationEventOf<typeof T.requestAwaitingManualRouting>,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    const { trackingCode, reason, at } = event.data;
    return manualQueue.enqueue(context.manager, this.store, { trackingCode, reason, since: at });
  }

  @EventPattern([T.requestRoutedToAgency, T.requestClosed])
  async dequeue(
    @Payload() event: IntegrationEventOf<typeof T.requestRoutedToAgency | typeof T.requestClosed>,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    await manualQueue.remove(context.manager, event.data.trackingCode);
    if (event.eventType === T.requestRoutedToAgency) await this.watchDeadline(event, context);
  }

  /**
   * A new deadline (routing, a supervisor's due time, an approved extension, a reopen after the citizen's
   * objection) or information supplied (the clock resumes, ADR 24): the watcher looks at it now and
   * schedules it.
   */
  @EventPattern([
    T.requestDueTimeSet,
    T.requestExtensionApproved,
    T.requestInformationSupplied,
    T.requestAnswerObjected,
  ])
  watchDeadline(
    @Payload()
    event: IntegrationEventOf<
      | typeof T.requestRoutedToAgency
      | typeof T.requestDueTimeSet
      | typeof T.requestExtensionApproved
      | typeof T.requestInformationSupplied
      | typeof T.requestAnswerObjected
    >,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    return openDeadlines.schedule(
      context.manager,
      event.data.trackingCode,
      event.occurredAt,
      event.streamRevision,
    );
  }
}
