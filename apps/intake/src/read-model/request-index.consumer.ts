import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@samad/events';
import type { CitizenKeyVault } from '@samad/personal-data';
import { CITIZEN_KEY_VAULT, ConsumerHost } from '@samad/service-kit';
import { requestIndexProjection } from './request-index.projection';

/** Keeps intake.request_index from the request-events topic (idempotent; per-request order kept). */
@Injectable()
export class RequestIndexConsumer extends ConsumerHost {
  private readonly project: (event: IntegrationEvent, manager: EntityManager) => Promise<void>;

  constructor(@Inject(CITIZEN_KEY_VAULT) vault: CitizenKeyVault) {
    super();
    this.project = requestIndexProjection(vault.digests);
  }

  protected handle(event: IntegrationEvent, manager: EntityManager): Promise<void> {
    return this.project(event, manager);
  }
}
