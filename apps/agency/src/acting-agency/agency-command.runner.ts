import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@samad/event-store';
import {
  DomainError,
  isDomainError,
  type Acknowledge,
  type Answer,
  type ReferInsideAgency,
  type RequestExtension,
  type ReportOnDirective,
  type RequestInformation,
  type ReturnAsNotResponsible,
} from '@samad/request-lifecycle';
import { EVENT_STORE, type Principal } from '@samad/service-kit';
import { handleRequestCommand } from '@samad/request-application';
import { boundAgencyOf } from './acting-agency';
import type { RequestStatusResponse } from './request-status.response.dto';

export type AgencyCommand =
  | Acknowledge
  | ReferInsideAgency
  | Answer
  | ReturnAsNotResponsible
  | RequestExtension
  | RequestInformation
  | ReportOnDirective;

const notInInbox = (trackingCode: string, agencyCode: string): DomainError =>
  new DomainError(
    'REQUEST_NOT_FOUND',
    `درخواست ${trackingCode} در کارتابل ${agencyCode} نیست (request ${trackingCode} is not in the inbox of ${agencyCode})`,
  );

/**
 * Runs an agency's command on a request through the decider and answers with the new status. The agency
 * is the one in the caller's token, never one the caller names.
 */
@Injectable()
export class AgencyCommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run(
    caller: Principal,
    requestedAgency: string | undefined,
    commandFor: (agencyCode: string) => AgencyCommand,
    correlationId?: string,
  ): Promise<RequestStatusResponse> {
    const agencyCode = boundAgencyOf(caller);
    if (!agencyCode) throw new Error(`${caller.role} acts for no agency`); // the endpoint's roles prevent it
    const command = commandFor(agencyCode);
    const { trackingCode } = command.data;
    // Naming another agency answers exactly like a request that is not in this agency's inbox.
    if (requestedAgency !== undefined && requestedAgency !== agencyCode)
      throw notInInbox(trackingCode, agencyCode);
    try {
      const actor = { id: caller.id, role: caller.role };
      const { state } = await handleRequestCommand(this.store, command, { actor, correlationId });
      return { trackingCode, status: state.status };
    } catch (error) {
      // Another agency's request answers exactly like a missing one, so its existence leaks nothing.
      if (isDomainError(error, 'NOT_ASSIGNED_TO_AGENCY') || isDomainError(error, 'REQUEST_NOT_FOUND')) {
        throw notInInbox(trackingCode, agencyCode);
      }
      throw error;
    }
  }
}
