import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@samad/event-store';
import {
  DomainError,
  isDomainError,
  type Acknowledge,
  type Answer,
  type ReferInsideAgency,
  type ReturnAsNotResponsible,
} from '@samad/request-lifecycle';
import { EVENT_STORE, handleRequestCommand, type ActorIdentity } from '@samad/service-kit';
import type { RequestStatusResponse } from './request-status.response.dto';

export type AgencyCommand = Acknowledge | ReferInsideAgency | Answer | ReturnAsNotResponsible;

/** Runs an agency's command on a request through the decider and answers with the new status. */
@Injectable()
export class AgencyCommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run(
    command: AgencyCommand,
    actor: ActorIdentity,
    correlationId?: string,
  ): Promise<RequestStatusResponse> {
    const { trackingCode, agencyCode } = command.data;
    try {
      const { state } = await handleRequestCommand(this.store, command, { actor, correlationId });
      return { trackingCode, status: state.status };
    } catch (error) {
      // Another agency's request answers exactly like a missing one, so its existence leaks nothing.
      if (isDomainError(error, 'NOT_ASSIGNED_TO_AGENCY') || isDomainError(error, 'REQUEST_NOT_FOUND')) {
        throw new DomainError(
          'REQUEST_NOT_FOUND',
          `درخواست ${trackingCode} در کارتابل ${agencyCode} نیست (request ${trackingCode} is not in the inbox of ${agencyCode})`,
        );
      }
      throw error;
    }
  }
}
