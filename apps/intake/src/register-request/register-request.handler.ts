import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import {
  capDueByCampaign,
  decide,
  dueAfterWorkingDays,
  formatJalali,
  formatTrackingCode,
  initialState,
  isRegistered,
  trackingCodeFromNumber,
  type AnsweredInPerson,
  type CampaignLetter,
  type RegisterRequest,
  type RequestRegistered,
  type RequestState,
  type TrackingCode,
} from '@samad/request-lifecycle';
import { categories, defaultPriorityOf } from '@samad/reference-data';
import { EVENT_STORE, SERVICE_CONFIG, type ActorIdentity, type ServiceConfig } from '@samad/service-kit';
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
import {
  agencyRoutedFor,
  CategoryNotRoutedToAgencyError,
  officeCalendarAround,
  type ManagerAnswer,
} from '../answered-in-person/manager-answer';

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

/** What the registration adds to the operator's form: a campaign letter, an article, a manager's answer. */
interface RegistrationExtras {
  readonly campaign?: CampaignLetter;
  readonly article?: { articleId: string; version: number };
  /** ADR 38: the manager's answer, with the due date routing would have given at `now`. */
  readonly answeredInPerson?: (now: Date, campaignTargetAt?: string) => AnsweredInPerson;
}

// Validation runs the decider before a real code is drawn, so bad input uses up no tracking number.
const VALIDATION_CODE = trackingCodeFromNumber(1);

const commandFor = (
  dto: RegisterRequestDto,
  registeredBy: string,
  trackingCode: string,
  now: Date,
  extras: RegistrationExtras = {},
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
    ...(extras.answeredInPerson && {
      answeredInPerson: extras.answeredInPerson(now, extras.campaign?.targetAt),
    }),
    priority: dto.priority,
    priorityReason: dto.priorityReason,
    defaultPriority: defaultPriorityOf(dto.categoryCode),
  },
});

// Over the normalised registration, so a retry typed with Persian instead of ASCII digits is still the same body.
export const registrationSha256 = (
  registration: RequestRegistered['data'] & {
    answeredAtFirstContact?: { articleId: string; version: number };
    answeredInPerson?: { agencyCode: string; outcome: string; text: string };
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
    ...(what.answeredInPerson
      ? [what.answeredInPerson.agencyCode, what.answeredInPerson.outcome, what.answeredInPerson.text]
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
    status: state.status === 'closed' ? 'closed' : state.status === 'answered' ? 'answered' : 'registered',
    ...(state.status === 'answered' && state.answer && { answeredBy: state.answer.agencyCode }),
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
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(
    dto: RegisterRequestDto,
    context: RegisterRequestContext,
    inPerson?: ManagerAnswer,
  ): Promise<RegisterRequestResult> {
    const result = await this.register(dto, context, inPerson);
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
    inPerson?: ManagerAnswer,
  ): Promise<RegisterRequestResult> {
    const { actor, correlationId, idempotencyKey } = context;
    const now = new Date();
    const answeredInPerson = inPerson && this.managerAnswer(inPerson, dto);
    // The whole decision, answer included: a bad answer is a 400 before a tracking number is drawn.
    const [registered] = asFieldProblems(() =>
      decide(commandFor(dto, actor.id, VALIDATION_CODE, now, { answeredInPerson }), initialState()),
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
        commandFor(dto, actor.id, trackingCode, now, { campaign, article, answeredInPerson }),
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
      ...(inPerson && { answeredInPerson: inPerson }),
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
      commandFor(dto, actor.id, claim.trackingCode, claim.registeredAt, {
        campaign,
        article,
        answeredInPerson,
      }),
      { actor, correlationId, causationId: `idem:${idempotencyKey}` },
    );
    return { registration: responseOf(outcome.state), replayed: !claim.claimed };
  }

  /**
   * ADR 38: the manager answers for their own agency, only in a category the rules route to it in the
   * request's county; due when routing would have made it due (the category's working days on the
   * configured office calendar with the fixed solar holidays, capped by a campaign's target).
   */
  private managerAnswer(
    inPerson: ManagerAnswer,
    dto: RegisterRequestDto,
  ): (now: Date, campaignTargetAt?: string) => AnsweredInPerson {
    const routedAgency = agencyRoutedFor(dto.categoryCode, dto.countyCode);
    if (routedAgency !== inPerson.agencyCode) {
      throw new CategoryNotRoutedToAgencyError(inPerson.agencyCode, dto.categoryCode, dto.countyCode);
    }
    const days = categories.find((c) => c.code === dto.categoryCode)?.deadlineDays ?? 1;
    return (now, campaignTargetAt) => ({
      agencyCode: inPerson.agencyCode,
      outcome: inPerson.outcome,
      text: inPerson.text,
      dueAt: capDueByCampaign(
        dueAfterWorkingDays(now, days, officeCalendarAround(now, this.config.workingCalendar)),
        campaignTargetAt,
      ),
    });
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
