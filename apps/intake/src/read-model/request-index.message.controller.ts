import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { requestLifecycleEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import type { CitizenKeyVault } from '@samad/personal-data';
import { openRequestEvent } from '@samad/request-application';
import { CITIZEN_KEY_VAULT, MessageController, SamadMessageContext } from '@samad/service-kit';
import { requestIndexProjection } from './request-index.projection';

/** Keeps intake.request_index from the request-events topic (idempotent; per-request order kept). */
@MessageController()
export class RequestIndexMessageController {
  private readonly project: ReturnType<typeof requestIndexProjection>;

  constructor(@Inject(CITIZEN_KEY_VAULT) private readonly vault: CitizenKeyVault) {
    this.project = requestIndexProjection(vault.digests);
  }

  @EventPattern([...requestLifecycleEventTypes])
  async index(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    // The topic carries citizens sealed; the index needs their digests, so it opens them (and keeps only those).
    return this.project(await openRequestEvent(this.vault, event), context.manager);
  }
}
