import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { requestLifecycleEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import type { CitizenKeyVault } from '@samad/personal-data';
import { CITIZEN_KEY_VAULT, MessageController, SamadMessageContext } from '@samad/service-kit';
import { requestIndexProjection } from './request-index.projection';

/** Keeps intake.request_index from the request-events topic (idempotent; per-request order kept). */
@MessageController()
export class RequestIndexMessageController {
  private readonly project: ReturnType<typeof requestIndexProjection>;

  constructor(@Inject(CITIZEN_KEY_VAULT) vault: CitizenKeyVault) {
    this.project = requestIndexProjection(vault.digests);
  }

  @EventPattern([...requestLifecycleEventTypes])
  index(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    return this.project(event, context.manager);
  }
}
