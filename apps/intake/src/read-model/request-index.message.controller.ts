import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { requestLifecycleEventTypes, type RequestLifecycleIntegrationEvent } from '@samad/events';
import type { CitizenKeyVault } from '@samad/personal-data';
import { openRequestEvent } from '@samad/request-application';
import {
  CITIZEN_KEY_VAULT,
  MessageController,
  SERVICE_CONFIG,
  SamadMessageContext,
  type ServiceConfig,
} from '@samad/service-kit';
import type { MessageSettings } from '../notifications/citizen-notices';
import { recordCitizenNotices } from '../notifications/notification.store';
import { requestIndexProjection } from './request-index.projection';

/**
 * Keeps intake.request_index from the request-events topic (idempotent; per-request order kept), and records
 * the citizens' notices each fact gives (ADR 0023) in the same transaction. One handler: the transport runs
 * one handler per event type.
 */
@MessageController()
export class RequestIndexMessageController {
  private readonly project: ReturnType<typeof requestIndexProjection>;

  private readonly messages: MessageSettings;

  constructor(
    @Inject(CITIZEN_KEY_VAULT) private readonly vault: CitizenKeyVault,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.project = requestIndexProjection(vault.digests);
    this.messages = { trackUrl: config.notifications?.trackUrl ?? '{code}' };
  }

  @EventPattern([...requestLifecycleEventTypes])
  async index(
    @Payload() event: RequestLifecycleIntegrationEvent,
    @Ctx() context: SamadMessageContext,
  ): Promise<void> {
    // The topic carries citizens sealed; the index needs their digests and the notices their mobiles.
    const opened = await openRequestEvent(this.vault, event);
    await this.project(opened, context.manager);
    await recordCitizenNotices(context.manager, opened, this.messages);
  }
}
