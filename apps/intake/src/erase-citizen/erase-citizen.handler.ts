import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import type { CitizenKeyVault, SealedAttachments } from '@samad/personal-data';
import {
  isDomainError,
  parseIranianMobile,
  parseNationalCode,
  trackingCodeOfStream,
  type ErasePersonalData,
} from '@samad/request-lifecycle';
import { CITIZEN_KEY_VAULT, EVENT_STORE, SEALED_ATTACHMENTS, type ActorIdentity } from '@samad/service-kit';
import { handleRequestCommand } from '@samad/request-application';
import type { EraseCitizenResponseDto } from './erase-citizen.response.dto';

export interface EraseCitizenContext {
  readonly actor: ActorIdentity;
  readonly correlationId: string;
}

/**
 * Crypto-shredding: destroy the citizen's keys (from then on every event sealed with them reads erased),
 * record PersonalDataErased in each request's stream (so read models and agency topics forget too, in
 * the request's own order), drop what intake kept about those registrations, then unlink the keys from
 * the national code. Every step is idempotent, so a failed call is simply repeated.
 */
@Injectable()
export class EraseCitizenHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CITIZEN_KEY_VAULT) private readonly vault: CitizenKeyVault,
    @Inject(SEALED_ATTACHMENTS) private readonly attachments: SealedAttachments,
    private readonly dataSource: DataSource,
  ) {}

  /** By national code, or by the mobile of a citizen who filed without one (ADR 39); a string is a national code. */
  async execute(
    who: string | { nationalCode: string } | { mobile: string },
    context: EraseCitizenContext,
  ): Promise<EraseCitizenResponseDto> {
    const given = typeof who === 'string' ? { nationalCode: who } : who;
    const erasure = await this.vault.erase(
      'nationalCode' in given
        ? { nationalCode: parseNationalCode(given.nationalCode) }
        : { mobile: parseIranianMobile(given.mobile) },
    );
    const affected = new Set<string>();
    for (const link of erasure.links) {
      const trackingCode = trackingCodeOfStream(link.streamId);
      if (trackingCode === undefined) continue;
      const command: ErasePersonalData = {
        type: 'ErasePersonalData',
        // The erasure's own time, so a repeat decides the very same fact.
        data: { trackingCode, now: link.erasedAt, citizenIndex: link.citizenIndex },
      };
      try {
        await handleRequestCommand(this.store, command, {
          actor: context.actor,
          correlationId: context.correlationId,
          // Unique per stream: consumers deduplicate on event ids across all streams.
          causationId: `erasure:${link.citizenRef}:${trackingCode}:${link.citizenIndex}`,
        });
        affected.add(trackingCode);
      } catch (error) {
        // A key drawn for a registration that never got appended: nothing was stored under it.
        if (isDomainError(error) && error.code === 'REQUEST_NOT_FOUND') continue;
        throw error;
      }
    }
    const requestsAffected = [...affected].sort();
    // A retry record holds a digest over the registration's personal data (a retry after this registers anew).
    await this.dataSource.query(`DELETE FROM intake.idempotency_keys WHERE tracking_code = ANY($1::text[])`, [
      requestsAffected,
    ]);
    // Scanned letters and photos are personal data of the whole request (ADR 29): their bytes go too.
    await this.attachments.eraseRequests(this.dataSource, requestsAffected);
    await this.vault.completeErasure(erasure.citizenRefs);
    return {
      erased: erasure.citizenRefs.length > 0,
      erasedAt: erasure.erasedAt?.toISOString() ?? null,
      citizenRefs: [...erasure.citizenRefs],
      requestsAffected,
    };
  }
}
