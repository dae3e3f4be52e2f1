import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import {
  decide,
  formatJalali,
  formatTrackingCode,
  initialState,
  isRegistered,
  trackingCodeFromNumber,
  type CampaignLetter,
  type RegisterRequest,
  type RequestRegistered,
  type RequestState,
  type TrackingCode,
} from '@samad/request-lifecycle';
import { defaultPriorityOf } from '@samad/reference-data';
import { EVENT_STORE, type ActorIdentity } from '@samad/service-kit';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import { asFieldProblems } from '../shared/field-path';
import type { RegisterRequestDto } from './register-request.request.dto';
import type { RegisterRequestResponseDto } from './register-request.response.dto';
import { trackingCodeForSequence } from './tracking-number';
import { PossibleDuplicatesQuery } from '../possible-duplicates/possible-duplicates.query';
import { campaignLetterFor, type CampaignLetterInput } from '../campaigns/campaign-letter';
import { findCampaign } from '../campaigns/campaigns.table';
import { KnowledgeError } from '../knowledge/knowledge.errors';
import { findArticle } from '../knowledge/knowledge.store';

/** The published article the operator read to the caller, at the version read (ADR 36). */
async function citedArticle(
  dataSource: DataSource,
  articleId: string,
  categoryCode: string,
): Promise<{ articleId: string; version: number }> {
  const row = await findArticle(dataSource, articleId);
  if (!row) throw new KnowledgeError('ARTICLE_NOT_FOUND', `no article ${articleId}`);
  if (row.status !== 'published') {
    throw new KnowledgeError('ARTICLE_NOT_PUBLISHED', `article ${articleId} is a draft`);
  }
  if (row.category_code !== categoryCode) {
    throw new KnowledgeError(
      'ARTICLE_CATEGORY_MISMATCH',
      `article ${articleId} is about ${row.category_code}, the request about ${categoryCode}`,
    );
  }
  return { articleId: row.article_id, version: row.version };
}

/** An Idempotency-Key already used for a different registration: the client has a bug, not a retry. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor(readonly key: string) {
    super(
      'کلید تکرار پیش‌تر برای درخواست دیگری به کار رفته است (Idempotency-Key reused for a different request)',
    );
  }
}

export interface RegisterRequestContext {
  readonly actor: ActorIdentity;
  readonly correlationId: string;
  readonly idempotencyKey?: string;
}

export interface RegisterRequestResult {
  readonly registration: RegisterRequestResponseDto;
  /** True when an earlier call with the same Idempotency-Key registered it. */
  readonly replayed: boolean;
}

interface KeyClaim {
  readonly trackingCode: TrackingCode;
  readonly registeredAt: Date;
  readonly bodySha256: string;
  readonly claimed: boolean;
}

// Validation runs the decider before a real code is drawn, so bad input uses up no tracking number.
const VALIDATION_CODE = trackingCodeFromNumber(1);

const commandFor = (
  dto: RegisterRequestDto,
  registeredBy: string,
  trackingCode: string,
  now: Date,
  extras: { campaign?: CampaignLetter; article?: { articleId: string; version: number } } = {},
): RegisterRequest => ({
  type: 'RegisterRequest',
  data: {
    trackingCode,
    now,
    kind: dto.kind,
    channel: dto.channel,
    collective: dto.collective,
    citizens: dto.citizens.map(({ nationalCode, fullName, mobile }) => ({ nationalCode, fullName, mobile })),
    countyCode: dto.countyCode,
    categoryCode: dto.categoryCode,
    description: dto.description,
    registeredBy,
    ...(extras.campaign && { campaign: extras.campaign }),
    ...(extras.article && { answeredAtFirstContact: extras.article }),
    priority: dto.priority,
    priorityReason: dto.priorityReason,
    defaultPriority: defaultPriorityOf(dto.categoryCode),
  },
});

// Over the normalised registration, so a retry typed with Persian instead of ASCII digits is still the same body.
export const registrationSha256 = (
  registration: RequestRegistered['data'] & {
    answeredAtFirstContact?: { articleId: string; version: number };
  },
): string => {
  const { trackingCode: _code, registeredAt: _at, ...what } = registration;
  const canonical = [
    what.kind,
    what.channel,
    what.collective,
    what.citizens.map((c) => [c.nationalCode, c.fullName, c.mobile]),
    what.countyCode,
    what.categoryCode,
    what.description,
    what.registeredBy,
    ...(what.campaign
      ? [what.campaign.campaignId, what.campaign.letterNumber, what.campaign.letterDate]
      : []),
    ...(what.answeredAtFirstContact
      ? [what.answeredAtFirstContact.articleId, what.answeredAtFirstContact.version]
      : []),
    what.priority,
    what.priorityReason,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
};

const responseOf = (state: RequestState): RegisterRequestResponseDto => {
  if (!isRegistered(state)) throw new Error('the registration left no registered request');
  return {
    trackingCode: state.trackingCode,
    trackingCodeFormatted: formatTrackingCode(state.trackingCode as TrackingCode),
    status: state.status === 'closed' ? 'closed' : 'registered',
    ...(state.closure?.article && { answeredAtFirstContact: state.closure.article }),
    priority: state.priority,
    registeredAt: state.registeredAt,
    registeredAtJalali: formatJalali(new Date(state.registeredAt)),
  };
};

@Injectable()
export class RegisterRequestHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly duplicates: PossibleDuplicatesQuery,
  ) {}

  async execute(dto: RegisterRequestDto, context: RegisterRequestContext): Promise<RegisterRequestResult> {
    const result = await this.register(dto, context);
    const [registered] = decide(
      commandFor(dto, context.actor.id, VALIDATION_CODE, new Date()),
      initialState(),
    ) as [RequestRegistered];
    // ADR 27: the citizens' other open requests of this kind, as the read model knows them now.
    const possibleDuplicates = await this.duplicates.find(
      {
        citizens: registered.data.citizens.map((c) => ({
          nationalCode: c.nationalCode ?? undefined,
          mobile: c.mobile ?? undefined,
        })),
        categoryCode: registered.data.categoryCode,
        countyCode: registered.data.countyCode,
      },
      result.registration.trackingCode,
    );
    return { ...result, registration: { ...result.registration, possibleDuplicates } };
  }

  private async register(
    dto: RegisterRequestDto,
    context: RegisterRequestContext,
  ): Promise<RegisterRequestResult> {
    const { actor, correlationId, idempotencyKey } = context;
    const now = new Date();
    const [registered] = asFieldProblems(() =>
      decide(commandFor(dto, actor.id, VALIDATION_CODE, now), initialState()),
    ) as [RequestRegistered];
    const campaign = dto.campaign && (await this.campaignLetter(dto.campaign, registered.data.countyCode));
    const article = dto.answeredAtFirstContact
      ? await citedArticle(
          this.dataSource,
          dto.answeredAtFirstContact.articleId,
          registered.data.categoryCode,
        )
      : undefined;

    if (idempotencyKey === undefined) {
      const trackingCode = await this.nextTrackingCode();
      const outcome = await handleRequestCommand(
        this.store,
        commandFor(dto, actor.id, trackingCode, now, { campaign, article }),
        {
          actor,
          correlationId,
        },
      );
      return { registration: responseOf(outcome.state), replayed: false };
    }

    const bodySha256 = registrationSha256({
      ...registered.data,
      ...(campaign && { campaign }),
      ...(article && { answeredAtFirstContact: article }),
    });
    const claim = await this.claimKey(idempotencyKey, bodySha256, now);
    if (claim.bodySha256 !== bodySha256) throw new IdempotencyKeyReusedError(idempotencyKey);
    if (!claim.claimed) {
      const existing = await loadRequest(this.store, claim.trackingCode);
      if (isRegistered(existing.state)) return { registration: responseOf(existing.state), replayed: true };
      // The earlier attempt claimed the key but never appended (crashed, or is still on its way): append now.
    }
    // Same code, same instant and the same causation id on every attempt: the events (and their ids) are
    // identical, so whichever attempt appends first wins and the others append nothing.
    const outcome = await handleRequestCommand(
      this.store,
      commandFor(dto, actor.id, claim.trackingCode, claim.registeredAt, { campaign, article }),
      { actor, correlationId, causationId: `idem:${idempotencyKey}` },
    );
    return { registration: responseOf(outcome.state), replayed: !claim.claimed };
  }

  private async campaignLetter(input: CampaignLetterInput, countyCode: string): Promise<CampaignLetter> {
    return campaignLetterFor(await findCampaign(this.dataSource, input.id), input, countyCode);
  }

  private async nextTrackingCode(): Promise<TrackingCode> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT nextval('intake.tracking_number_seq')::text AS n`,
    )) as [{ n: string }];
    return trackingCodeForSequence(BigInt(n));
  }

  private async claimKey(key: string, bodySha256: string, now: Date): Promise<KeyClaim> {
    const trackingCode = await this.nextTrackingCode();
    const inserted = (await this.dataSource.query(
      `INSERT INTO intake.idempotency_keys (key, body_sha256, tracking_code, registered_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, bodySha256, trackingCode, now],
    )) as unknown[];
    if (inserted.length === 1) return { trackingCode, registeredAt: now, bodySha256, claimed: true };
    // Another attempt holds the key; the number drawn above is simply never used.
    const [row] = (await this.dataSource.query(
      `SELECT body_sha256, tracking_code, registered_at FROM intake.idempotency_keys WHERE key = $1`,
      [key],
    )) as { body_sha256: string; tracking_code: string; registered_at: Date }[];
    if (!row) throw new Error(`idempotency key ${key} vanished while being claimed`);
    return {
      trackingCode: row.tracking_code as TrackingCode,
      registeredAt: row.registered_at,
      bodySha256: row.body_sha256,
      claimed: false,
    };
  }
}
