import { DomainError } from '../../shared/domain-error';
import { parseIranianMobile } from '../../value-objects/iranian-mobile.value-object';
import { parseNationalCode } from '../../value-objects/national-code.value-object';
import { parseTrackingCode } from '../../value-objects/tracking-code.value-object';
import type { AnsweredInPerson, CitizenInput, RegisterRequest } from '../request.commands';
import { evolve, initialState } from '../request.evolve';
import {
  mobileOnlyChannels,
  type CampaignLetter,
  type Citizen,
  type RegisteredCitizen,
  type RequestEvent,
  type RequestRegistered,
} from '../request.events';
import type { RegisteredRequest, RequestState } from '../request.state';
import {
  requestChannels,
  requestKinds,
  requestPriorities,
  type RequestChannel,
  type RequestPriority,
} from '../request.vocabulary';
import {
  isoDate,
  notClosed,
  oneOf,
  optionalText,
  registered,
  requiredCode,
  requiredText,
} from './decision-guards';
import { answer } from './answer.decision';
import { routeToAgency } from './route-to-agency.decision';

/** The category's default, or the operator's judgement with a reason when it differs (issue #17 item 5). */
const priorityOf = (
  data: RegisterRequest['data'],
): { priority?: RequestPriority; priorityReason?: string } => {
  const byDefault = oneOf(data.defaultPriority ?? 'normal', requestPriorities, 'defaultPriority');
  const priority = oneOf(data.priority ?? byDefault, requestPriorities, 'priority');
  const priorityReason = optionalText(data.priorityReason, true, 'priorityReason');
  if (priority !== byDefault && priorityReason === undefined) {
    throw new DomainError(
      'VALUE_REQUIRED',
      `a reason is required when the priority differs from the category's default (${byDefault})`,
      'priorityReason',
    );
  }
  // `normal` by default is left out: the event then reads as every registration before priorities did.
  if (priorityReason === undefined) return priority === 'normal' ? {} : { priority };
  return { priority, priorityReason };
};

/**
 * The citizen's national code, or null on a channel where the mobile alone identifies them (ADR 39: an
 * online filing without one). At the desk and on the phone the operator asks for it, as ever.
 */
const nationalCodeOf = (
  input: string | null | undefined,
  channel: RequestChannel,
  field: string,
): string | null => {
  const absent = input === undefined || input === null || input.trim() === '';
  if (absent && mobileOnlyChannels.includes(channel)) return null;
  if (absent) {
    throw new DomainError(
      'VALUE_REQUIRED',
      `a national code is required on channel ${channel} (only ${mobileOnlyChannels.join(', ')} registers by mobile)`,
      field,
    );
  }
  return parseNationalCode(input, field);
};

const citizensOf = (
  input: readonly CitizenInput[] | undefined,
  collective: boolean,
  channel: RequestChannel,
): Citizen[] => {
  const list = Array.isArray(input) ? input : [];
  if (list.length === 0)
    throw new DomainError('VALUE_REQUIRED', 'at least one citizen is required', 'citizens');
  if (!collective && list.length !== 1) {
    throw new DomainError('INVALID_VALUE', 'an individual request has exactly one citizen', 'citizens');
  }
  if (collective && list.length < 2) {
    throw new DomainError('INVALID_VALUE', 'a collective request has at least two citizens', 'citizens');
  }
  const seen = new Set<string>();
  return list.map((citizen, i) => {
    const field = `citizens[${i}]`;
    const nationalCode = nationalCodeOf(citizen?.nationalCode, channel, `${field}.nationalCode`);
    const fullName = requiredText(citizen?.fullName, `${field}.fullName`, false);
    const mobile = parseIranianMobile(citizen?.mobile ?? '', `${field}.mobile`);
    // One person signing twice is a typo or a padded petition; either way the operator should look again.
    // A citizen without a national code is known by the mobile (ADR 39).
    const identity = nationalCode ?? `mobile:${mobile}`;
    if (seen.has(identity)) {
      throw nationalCode === null
        ? new DomainError('INVALID_VALUE', 'the same mobile appears twice', `${field}.mobile`)
        : new DomainError('INVALID_VALUE', 'the same national code appears twice', `${field}.nationalCode`);
    }
    seen.add(identity);
    return { nationalCode, fullName, mobile };
  });
};

const sameCitizens = (a: readonly RegisteredCitizen[], b: readonly RegisteredCitizen[]): boolean =>
  a.length === b.length &&
  a.every(
    (c, i) =>
      c.nationalCode === b[i].nationalCode && c.fullName === b[i].fullName && c.mobile === b[i].mobile,
  );

// Compared field by field: the store may hand back JSON with its keys in another order.
const sameRegistration = (state: RegisteredRequest, data: RequestRegistered['data']): boolean =>
  state.kind === data.kind &&
  state.channel === data.channel &&
  state.collective === data.collective &&
  sameCitizens(state.citizens, data.citizens) &&
  state.countyCode === data.countyCode &&
  state.categoryCode === data.categoryCode &&
  state.description === data.description &&
  state.registeredBy === data.registeredBy &&
  state.campaign?.campaignId === data.campaign?.campaignId &&
  state.campaign?.letterNumber === data.campaign?.letterNumber &&
  state.priority === (data.priority ?? 'normal');

const campaignLetterOf = (letter: CampaignLetter): CampaignLetter => ({
  campaignId: requiredCode(letter.campaignId, 'campaign.id'),
  letterNumber: requiredText(letter.letterNumber, 'campaign.letterNumber', false),
  letterDate: calendarDate(letter.letterDate, 'campaign.letterDate'),
  targetAt: isoDate(new Date(letter.targetAt), 'campaign.targetAt'),
  ...(letter.campaignName?.trim() && { campaignName: letter.campaignName.trim() }),
});

const calendarDate = (value: string, field: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value ?? '') || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new DomainError('INVALID_VALUE', 'must be a calendar date (YYYY-MM-DD)', field);
  return value;
};

export const registerRequest = ({ data }: RegisterRequest, state: RequestState): RequestEvent[] => {
  if (typeof data.collective !== 'boolean')
    throw new DomainError('INVALID_VALUE', 'must be true or false', 'collective');
  const channel = oneOf(data.channel, requestChannels, 'channel');
  const registration: RequestRegistered['data'] = {
    trackingCode: parseTrackingCode(data.trackingCode ?? ''),
    kind: oneOf(data.kind, requestKinds, 'kind'),
    channel,
    collective: data.collective,
    citizens: citizensOf(data.citizens, data.collective, channel),
    countyCode: requiredCode(data.countyCode, 'countyCode'),
    categoryCode: requiredCode(data.categoryCode, 'categoryCode'),
    description: requiredText(data.description, 'description'),
    registeredAt: isoDate(data.now, 'now'),
    registeredBy: requiredCode(data.registeredBy, 'registeredBy'),
    ...(data.campaign ? { campaign: campaignLetterOf(data.campaign) } : {}),
    ...priorityOf(data),
  };

  if (state.status !== 'not_registered') {
    const existing = registered(state, registration.trackingCode);
    // An intake retry of a call answered at first contact finds it closed that way: nothing new happened.
    const answeredOnCall = existing.closure?.reason === 'answered_at_first_contact';
    if (!answeredOnCall) notClosed(existing);
    // An intake retry (timeout, double click) carries the same registration: nothing new happened.
    if (sameRegistration(existing, registration)) return [];
    throw new DomainError(
      'REQUEST_ALREADY_REGISTERED',
      `request ${existing.trackingCode} is already registered`,
    );
  }
  const registeredEvent: RequestEvent = { type: 'RequestRegistered', data: registration };
  if (data.answeredInPerson !== undefined) {
    if (data.answeredAtFirstContact !== undefined) {
      throw new DomainError(
        'INVALID_VALUE',
        'a request answered in person by a manager is not also answered from an article',
        'answeredAtFirstContact',
      );
    }
    return answeredInPerson(registeredEvent, data.answeredInPerson, data.now);
  }
  if (data.answeredAtFirstContact === undefined) return [registeredEvent];
  const article = citedArticle(data.answeredAtFirstContact);
  // Both facts in one append: no agency ever sees it, routing finds it closed.
  return [
    registeredEvent,
    {
      type: 'RequestClosed',
      data: {
        trackingCode: registration.trackingCode,
        reason: 'answered_at_first_contact',
        article,
        at: registration.registeredAt,
      },
    },
  ];
};

const citedArticle = (cited: {
  articleId: string;
  version: number;
}): { articleId: string; version: number } => {
  const articleId = requiredCode(cited?.articleId, 'answeredAtFirstContact.articleId');
  if (!Number.isInteger(cited?.version) || cited.version < 1) {
    throw new DomainError(
      'INVALID_VALUE',
      'must be a positive whole number',
      'answeredAtFirstContact.version',
    );
  }
  return { articleId, version: cited.version };
};

/**
 * An agency's manager took the caller and answered in person (ADR 38): the same facts the long way would
 * give — routed to the manager's agency (`routedBy: 'manager'`), acknowledged, answered — decided by the
 * same rules and appended with the registration, so routing finds it answered and leaves it be.
 */
const answeredInPerson = (
  registeredEvent: RequestEvent,
  given: AnsweredInPerson,
  now: Date,
): RequestEvent[] => {
  const registration = registeredEvent.data as RequestRegistered['data'];
  const { trackingCode, registeredBy } = registration;
  // The answer's own fields are named as the caller sent them: `answeredInPerson.text`, not `text`.
  const field = (run: () => RequestEvent[]): RequestEvent[] => {
    try {
      return run();
    } catch (error) {
      if (error instanceof DomainError && error.field !== undefined && !error.field.includes('.')) {
        throw new DomainError(error.code, error.message, `answeredInPerson.${error.field}`);
      }
      throw error;
    }
  };
  if (!(given?.dueAt instanceof Date)) {
    throw new DomainError(
      'VALUE_REQUIRED',
      'the due date is computed by the caller',
      'answeredInPerson.dueAt',
    );
  }
  let state = evolve(initialState(), registeredEvent);
  const routed = field(() =>
    routeToAgency(
      {
        type: 'RouteToAgency',
        data: { trackingCode, now, agencyCode: given.agencyCode, dueAt: given.dueAt, routedBy: 'manager' },
      },
      state,
    ),
  );
  state = routed.reduce(evolve, state);
  const answered = field(() =>
    answer(
      {
        type: 'Answer',
        data: { trackingCode, now, agencyCode: given.agencyCode, outcome: given.outcome, text: given.text },
      },
      state,
    ),
  );
  return [
    registeredEvent,
    ...routed,
    ...answered.map((event): RequestEvent =>
      event.type === 'RequestAnswered'
        ? { ...event, data: { ...event.data, inPerson: true, answeredBy: registeredBy } }
        : event,
    ),
  ];
};
