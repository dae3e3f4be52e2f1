import { Inject, Injectable } from '@nestjs/common';
import type { ActorRole } from '@samad/events';
import type { EventStore } from '@samad/event-store';
import { capDueByCampaign, isRegistered, type RegisteredRequest } from '@samad/request-lifecycle';
import { EVENT_STORE, SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import { rulesForCategory, type Sql } from '../routing-data/routing-data.queries';
import { dueDateForPriority } from '../working-calendar/working-calendar.queries';
import { chooseAgency } from './choose-agency';

export const ROUTING_RULES_ACTOR: { id: string; role: ActorRole } = { id: 'routing-rules', role: 'system' };

/** The event that asked for routing: its id makes the appended event ids deterministic. */
export interface RoutingCause {
  readonly eventId: string;
  readonly correlationId?: string;
}

// Rules act only on a request no agency holds and no supervisor has been asked about yet.
const awaitsRules = (request: RegisteredRequest): boolean =>
  request.status === 'registered' || request.status === 'returned';

/** Routes a registered or returned request by the rules, or hands it to a supervisor with the reason. */
@Injectable()
export class RouteByRulesHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle(trackingCode: string, cause: RoutingCause, sql: Sql, now = new Date()): Promise<void> {
    const loaded = await loadRequest(this.store, trackingCode);
    const { state } = loaded;
    // Already routed (by a supervisor, or by an earlier attempt whose commit was lost): nothing to do.
    if (!isRegistered(state) || !awaitsRules(state)) return;

    const context = {
      actor: ROUTING_RULES_ACTOR,
      causationId: cause.eventId,
      correlationId: cause.correlationId,
    };
    const choice = chooseAgency(await rulesForCategory(sql, state.categoryCode), state);
    if (choice.kind === 'manual') {
      await handleRequestCommand(
        this.store,
        { type: 'MarkAwaitingManualRouting', data: { trackingCode, now, reason: choice.reason } },
        context,
        { loaded },
      );
      return;
    }
    const normalDue = await dueDateForPriority(
      sql,
      state,
      now,
      this.config.workingCalendar,
      this.config.deadlineWatch?.criticalDeadlineWorkingMinutes ?? 240,
    );
    // A rule's category always exists (foreign key), so this only fails on a broken database.
    if (!normalDue) throw new Error(`category ${state.categoryCode} has a rule but no deadline`);
    const dueAt = capDueByCampaign(normalDue, state.campaign?.targetAt);
    await handleRequestCommand(
      this.store,
      {
        type: 'RouteToAgency',
        data: {
          trackingCode,
          now,
          agencyCode: choice.rule.agencyCode,
          dueAt,
          routedBy: 'rules',
          ruleId: String(choice.rule.id),
        },
      },
      context,
      { loaded },
    );
  }
}
