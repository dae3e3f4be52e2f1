import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import {
  DomainError,
  formatJalali,
  isRegistered,
  parseTrackingCode,
  type RegisteredRequest,
  capDueByCampaign,
} from '@samad/request-lifecycle';
import {
  EVENT_STORE,
  InputValidationError,
  SERVICE_CONFIG,
  type ActorIdentity,
  type ServiceConfig,
} from '@samad/service-kit';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import { findAgency } from '../routing-data/routing-data.queries';
import { dueDateForPriority } from '../working-calendar/working-calendar.queries';
import type { RouteManuallyResponse } from './route-manually.response.dto';

export interface RouteManually {
  readonly trackingCode: string;
  readonly agencyCode: string;
  readonly actor: ActorIdentity;
  readonly correlationId?: string;
}

const view = (request: RegisteredRequest): RouteManuallyResponse => ({
  trackingCode: request.trackingCode,
  status: request.status,
  agencyCode: request.agencyCode ?? '',
  routedBy: request.routedBy ?? 'supervisor',
  dueAt: request.dueAt ?? '',
  dueAtJalali: request.dueAt ? formatJalali(new Date(request.dueAt)) : '',
});

/** A supervisor names the agency; the due date follows from the category's deadline as for the rules. */
@Injectable()
export class RouteManuallyHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle(command: RouteManually, now = new Date()): Promise<RouteManuallyResponse> {
    const trackingCode = parseTrackingCode(command.trackingCode, 'code');
    const agency = await findAgency(this.dataSource, command.agencyCode.trim().toUpperCase());
    if (!agency) {
      throw new InputValidationError([
        { field: 'agencyCode', message: 'دستگاهی با این کد نیست (unknown agency code)' },
      ]);
    }
    const loaded = await loadRequest(this.store, trackingCode);
    const { state } = loaded;
    if (!isRegistered(state)) throw new DomainError('REQUEST_NOT_FOUND', `no request ${trackingCode}`);
    // A retried call finds its own routing done: answer as the first call did rather than with a conflict.
    const alreadyDone =
      state.status === 'routed' && state.agencyCode === agency.code && state.routedBy === 'supervisor';
    if (alreadyDone) return view(state);

    const normalDue = await dueDateForPriority(
      this.dataSource,
      state,
      now,
      this.config.workingCalendar,
      this.config.deadlineWatch?.criticalDeadlineWorkingMinutes ?? 240,
    );
    if (!normalDue) throw new Error(`routing has no deadline for category ${state.categoryCode}`);
    const dueAt = capDueByCampaign(normalDue, state.campaign?.targetAt);
    const outcome = await handleRequestCommand(
      this.store,
      {
        type: 'RouteToAgency',
        data: { trackingCode, now, agencyCode: agency.code, dueAt, routedBy: 'supervisor' },
      },
      { actor: command.actor, correlationId: command.correlationId },
      { loaded },
    );
    return view(outcome.state as RegisteredRequest);
  }
}
