import { DomainError, type DomainErrorCode } from '../../shared/domain-error';
import { DeciderSpecification } from '../../testing/decider-specification';
import { trackingCodeFromNumber } from '../../value-objects/tracking-code.value-object';
import type {
  Acknowledge,
  Answer,
  Close,
  ErasePersonalData,
  MarkAwaitingManualRouting,
  RecordFollowUp,
  ReferInsideAgency,
  RegisterRequest,
  ReturnAsNotResponsible,
  RouteToAgency,
} from '../request.commands';
import { requestDecider } from '../request.decider';
import type {
  DeadlineApproaching,
  DeadlineMissed,
  DueTimeSet,
  RequestEscalated,
  FollowUpRecorded,
  PersonalDataErased,
  RequestAcknowledged,
  RequestAnswered,
  RequestAwaitingManualRouting,
  RequestClosed,
  RequestReferredInsideAgency,
  RequestRegistered,
  RequestReturnedAsNotResponsible,
  RequestRoutedToAgency,
} from '../request.events';

// One request's story in Minab: a water complaint routed to the water company (abfa), times in UTC.

export const spec = DeciderSpecification.for(requestDecider);

export const thrownWith =
  (code: DomainErrorCode, field?: string) =>
  (error: DomainError): boolean =>
    error.code === code && (field === undefined || error.field === field);

export const TRACKING_CODE = trackingCodeFromNumber(17);
export const OTHER_TRACKING_CODE = trackingCodeFromNumber(18);
export const AGENCY = 'abfa';
export const OTHER_AGENCY = 'tavanir';
export const THIRD_AGENCY = 'dehyari-minab';

export const T = {
  registered: '2024-10-15T05:30:00.000Z',
  routed: '2024-10-15T05:30:05.000Z',
  due: '2024-10-22T05:30:00.000Z',
  awaiting: '2024-10-15T05:30:06.000Z',
  acknowledged: '2024-10-15T07:00:00.000Z',
  referred: '2024-10-15T08:00:00.000Z',
  returned: '2024-10-15T09:00:00.000Z',
  rerouted: '2024-10-15T09:30:00.000Z',
  rerouteDue: '2024-10-22T09:30:00.000Z',
  followedUp: '2024-10-16T05:00:00.000Z',
  answered: '2024-10-16T06:00:00.000Z',
  closed: '2024-10-20T06:00:00.000Z',
  erased: '2025-01-10T08:00:00.000Z',
} as const;

export const citizenZahra = { nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' };
export const citizenAli = { nationalCode: '3691122337', fullName: 'علی رئیسی', mobile: '09177654321' };

const date = (iso: string): Date => new Date(iso);

// Events never carry `key: undefined`, so `{ ruleId: undefined }` in a builder means "no rule id".
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const commands = {
  registerRequest: (data: Partial<RegisterRequest['data']> = {}): RegisterRequest => ({
    type: 'RegisterRequest',
    data: {
      trackingCode: TRACKING_CODE,
      kind: 'complaint',
      channel: 'phone',
      collective: false,
      citizens: [citizenZahra],
      countyCode: 'minab',
      categoryCode: 'water',
      description: 'قطعی آب در محله‌ی ما از سه روز پیش',
      registeredBy: 'operator-17',
      now: date(T.registered),
      ...data,
    },
  }),
  routeToAgency: (data: Partial<RouteToAgency['data']> = {}): RouteToAgency => ({
    type: 'RouteToAgency',
    data: {
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      dueAt: date(T.due),
      routedBy: 'rules',
      ruleId: 'water-minab',
      now: date(T.routed),
      ...data,
    },
  }),
  markAwaitingManualRouting: (
    data: Partial<MarkAwaitingManualRouting['data']> = {},
  ): MarkAwaitingManualRouting => ({
    type: 'MarkAwaitingManualRouting',
    data: { trackingCode: TRACKING_CODE, reason: 'no routing rule matches', now: date(T.awaiting), ...data },
  }),
  acknowledge: (data: Partial<Acknowledge['data']> = {}): Acknowledge => ({
    type: 'Acknowledge',
    data: { trackingCode: TRACKING_CODE, agencyCode: AGENCY, now: date(T.acknowledged), ...data },
  }),
  referInsideAgency: (data: Partial<ReferInsideAgency['data']> = {}): ReferInsideAgency => ({
    type: 'ReferInsideAgency',
    data: {
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      unit: 'اداره آب میناب',
      note: 'بررسی میدانی',
      now: date(T.referred),
      ...data,
    },
  }),
  returnAsNotResponsible: (data: Partial<ReturnAsNotResponsible['data']> = {}): ReturnAsNotResponsible => ({
    type: 'ReturnAsNotResponsible',
    data: {
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      reason: 'شبکه روستایی با دهیاری است',
      now: date(T.returned),
      ...data,
    },
  }),
  answer: (data: Partial<Answer['data']> = {}): Answer => ({
    type: 'Answer',
    data: {
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      outcome: 'positive',
      text: 'لوله اصلی ترمیم و آب وصل شد.',
      now: date(T.answered),
      ...data,
    },
  }),
  recordFollowUp: (data: Partial<RecordFollowUp['data']> = {}): RecordFollowUp => ({
    type: 'RecordFollowUp',
    data: {
      trackingCode: TRACKING_CODE,
      note: 'شهروند تماس گرفت و پیگیری کرد',
      channel: 'phone',
      now: date(T.followedUp),
      ...data,
    },
  }),
  close: (data: Partial<Close['data']> = {}): Close => ({
    type: 'Close',
    data: { trackingCode: TRACKING_CODE, reason: 'answered', now: date(T.closed), ...data },
  }),
  erasePersonalData: (data: Partial<ErasePersonalData['data']> = {}): ErasePersonalData => ({
    type: 'ErasePersonalData',
    data: { trackingCode: TRACKING_CODE, citizenIndex: 0, now: date(T.erased), ...data },
  }),
};

export const events = {
  requestRegistered: (data: Partial<RequestRegistered['data']> = {}): RequestRegistered => ({
    type: 'RequestRegistered',
    data: compact({
      trackingCode: TRACKING_CODE,
      kind: 'complaint',
      channel: 'phone',
      collective: false,
      citizens: [citizenZahra],
      countyCode: 'minab',
      categoryCode: 'water',
      description: 'قطعی آب در محله‌ی ما از سه روز پیش',
      registeredAt: T.registered,
      registeredBy: 'operator-17',
      ...data,
    }),
  }),
  requestRoutedToAgency: (data: Partial<RequestRoutedToAgency['data']> = {}): RequestRoutedToAgency => ({
    type: 'RequestRoutedToAgency',
    data: compact({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      dueAt: T.due,
      routedBy: 'rules',
      ruleId: 'water-minab',
      at: T.routed,
      ...data,
    }),
  }),
  requestAwaitingManualRouting: (
    data: Partial<RequestAwaitingManualRouting['data']> = {},
  ): RequestAwaitingManualRouting => ({
    type: 'RequestAwaitingManualRouting',
    data: compact({
      trackingCode: TRACKING_CODE,
      reason: 'no routing rule matches',
      at: T.awaiting,
      ...data,
    }),
  }),
  requestAcknowledged: (data: Partial<RequestAcknowledged['data']> = {}): RequestAcknowledged => ({
    type: 'RequestAcknowledged',
    data: compact({ trackingCode: TRACKING_CODE, agencyCode: AGENCY, at: T.acknowledged, ...data }),
  }),
  requestReferredInsideAgency: (
    data: Partial<RequestReferredInsideAgency['data']> = {},
  ): RequestReferredInsideAgency => ({
    type: 'RequestReferredInsideAgency',
    data: compact({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      unit: 'اداره آب میناب',
      note: 'بررسی میدانی',
      at: T.referred,
      ...data,
    }),
  }),
  requestReturnedAsNotResponsible: (
    data: Partial<RequestReturnedAsNotResponsible['data']> = {},
  ): RequestReturnedAsNotResponsible => ({
    type: 'RequestReturnedAsNotResponsible',
    data: compact({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      reason: 'شبکه روستایی با دهیاری است',
      at: T.returned,
      ...data,
    }),
  }),
  requestAnswered: (data: Partial<RequestAnswered['data']> = {}): RequestAnswered => ({
    type: 'RequestAnswered',
    data: compact({
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      outcome: 'positive',
      text: 'لوله اصلی ترمیم و آب وصل شد.',
      answeredAt: T.answered,
      ...data,
    }),
  }),
  followUpRecorded: (data: Partial<FollowUpRecorded['data']> = {}): FollowUpRecorded => ({
    type: 'FollowUpRecorded',
    data: compact({
      trackingCode: TRACKING_CODE,
      note: 'شهروند تماس گرفت و پیگیری کرد',
      channel: 'phone',
      at: T.followedUp,
      ...data,
    }),
  }),
  requestClosed: (data: Partial<RequestClosed['data']> = {}): RequestClosed => ({
    type: 'RequestClosed',
    data: compact({ trackingCode: TRACKING_CODE, reason: 'answered', at: T.closed, ...data }),
  }),
  personalDataErased: (data: Partial<PersonalDataErased['data']> = {}): PersonalDataErased => ({
    type: 'PersonalDataErased',
    data: { trackingCode: TRACKING_CODE, citizenIndex: 0, at: T.erased, ...data },
  }),
  dueTimeSet: (data: Partial<DueTimeSet['data']> = {}): DueTimeSet => ({
    type: 'DueTimeSet',
    data: {
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      dueAt: '2024-10-15T09:30:00.000Z',
      previousDueAt: T.due,
      reason: 'قطعی آب بیمارستان',
      setBy: 'supervisor1',
      at: '2024-10-15T07:30:00.000Z',
      ...data,
    },
  }),
  deadlineApproaching: (data: Partial<DeadlineApproaching['data']> = {}): DeadlineApproaching => ({
    type: 'DeadlineApproaching',
    data: {
      trackingCode: TRACKING_CODE,
      agencyCode: AGENCY,
      dueAt: T.due,
      at: '2024-10-21T05:30:00.000Z',
      ...data,
    },
  }),
  deadlineMissed: (data: Partial<DeadlineMissed['data']> = {}): DeadlineMissed => ({
    type: 'DeadlineMissed',
    data: { trackingCode: TRACKING_CODE, agencyCode: AGENCY, dueAt: T.due, at: T.due, ...data },
  }),
  requestEscalated: (data: Partial<RequestEscalated['data']> = {}): RequestEscalated => ({
    type: 'RequestEscalated',
    data: { trackingCode: TRACKING_CODE, agencyCode: AGENCY, level: 1, dueAt: T.due, at: T.due, ...data },
  }),
};

/** Streams at each stage of the story, to use as `given`. */
export const history = {
  registered: () => [events.requestRegistered()],
  routed: () => [...history.registered(), events.requestRoutedToAgency()],
  awaitingManualRouting: () => [...history.registered(), events.requestAwaitingManualRouting()],
  acknowledged: () => [...history.routed(), events.requestAcknowledged()],
  referred: () => [...history.acknowledged(), events.requestReferredInsideAgency()],
  returned: () => [...history.acknowledged(), events.requestReturnedAsNotResponsible()],
  answered: () => [...history.acknowledged(), events.requestAnswered()],
  closed: () => [...history.answered(), events.requestClosed()],
};
