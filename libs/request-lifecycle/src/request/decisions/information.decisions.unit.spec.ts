import { DomainError } from '../../shared/domain-error';
import type { RequestInformation, ResumeDeadline, SupplyInformation } from '../request.commands';
import type { DeadlineResumed, InformationRequested, InformationSupplied } from '../request.events';
import {
  AGENCY,
  history,
  OTHER_AGENCY,
  spec,
  T,
  thrownWith,
  TRACKING_CODE,
} from '../test-support/request.fixtures';

const ASKED_AT = '2024-10-20T06:00:00.000Z';
const SUPPLIED_AT = '2024-10-21T06:00:00.000Z';
const RESUMED_DUE = '2024-10-23T05:30:00.000Z';
const date = (iso: string) => new Date(iso);

const ask = (data: Partial<RequestInformation['data']> = {}): RequestInformation => ({
  type: 'RequestInformation',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    question: 'نشانی دقیق محل؟',
    requestedBy: 'staff1',
    now: date(ASKED_AT),
    ...data,
  },
});
const supply = (data: Partial<SupplyInformation['data']> = {}): SupplyInformation => ({
  type: 'SupplyInformation',
  data: {
    trackingCode: TRACKING_CODE,
    information: 'پلاک ۱۲',
    suppliedBy: 'operator1',
    now: date(SUPPLIED_AT),
    ...data,
  },
});
const resume = (): ResumeDeadline => ({
  type: 'ResumeDeadline',
  data: { trackingCode: TRACKING_CODE, dueAt: date(RESUMED_DUE), now: date('2024-10-21T06:00:10Z') },
});

const requested: InformationRequested = {
  type: 'InformationRequested',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    question: 'نشانی دقیق محل؟',
    requestedBy: 'staff1',
    dueAt: T.due,
    at: ASKED_AT,
  },
};
const supplied: InformationSupplied = {
  type: 'InformationSupplied',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    information: 'پلاک ۱۲',
    suppliedBy: 'operator1',
    requestedAt: ASKED_AT,
    at: SUPPLIED_AT,
  },
};
const resumed: DeadlineResumed = {
  type: 'DeadlineResumed',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    dueAt: RESUMED_DUE,
    previousDueAt: T.due,
    pausedFrom: ASKED_AT,
    pausedUntil: SUPPLIED_AT,
    at: '2024-10-21T06:00:10.000Z',
  },
};
const missed = (dueAt: string, now: string) =>
  ({
    type: 'RecordDeadlineMissed',
    data: { trackingCode: TRACKING_CODE, dueAt: date(dueAt), now: date(now) },
  }) as const;

describe('RequestInformation', () => {
  it('asks the citizen, pausing the clock on the current due date', () => {
    spec(history.acknowledged()).when(ask()).then(requested);
  });

  it('refuses a second question while one waits, another agency and a stopped clock', () => {
    spec([...history.acknowledged(), requested])
      .when(ask())
      .thenThrows(DomainError, thrownWith('INFORMATION_ALREADY_REQUESTED'));
    spec(history.acknowledged())
      .when(ask({ agencyCode: OTHER_AGENCY }))
      .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    spec(history.answered()).when(ask()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
    spec(history.acknowledged())
      .when(ask({ question: '' }))
      .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'question'));
  });

  it('keeps the watcher from recording a miss while paused', () => {
    spec([...history.acknowledged(), requested])
      .when(missed(T.due, '2024-10-22T05:31:00Z'))
      .thenThrows(DomainError, thrownWith('DEADLINE_PAUSED'));
  });

  it('refuses an extension while paused', () => {
    spec([...history.acknowledged(), requested])
      .when({
        type: 'RequestExtension',
        data: {
          trackingCode: TRACKING_CODE,
          agencyCode: AGENCY,
          extensionId: 'ext-1',
          proposedDueAt: date('2024-10-29T05:30:00Z'),
          reason: 'بازدید',
          requestedBy: 'staff1',
          now: date(ASKED_AT),
        },
      })
      .thenThrows(DomainError, thrownWith('DEADLINE_PAUSED'));
  });
});

describe('SupplyInformation', () => {
  it('records what the citizen supplied, once', () => {
    spec([...history.acknowledged(), requested])
      .when(supply())
      .then(supplied);
    spec([...history.acknowledged(), requested, supplied])
      .when(supply())
      .thenThrows(DomainError, thrownWith('NO_INFORMATION_REQUESTED'));
  });

  it('refuses when nothing is asked', () => {
    spec(history.acknowledged())
      .when(supply())
      .thenThrows(DomainError, thrownWith('NO_INFORMATION_REQUESTED'));
    spec(history.registered()).when(supply()).thenThrows(DomainError, thrownWith('NO_INFORMATION_REQUESTED'));
  });
});

describe('ResumeDeadline', () => {
  it('moves the due date once the information is supplied, and starts a new deadline', () => {
    spec([...history.acknowledged(), requested, supplied])
      .when(resume())
      .then(resumed);
    spec([...history.acknowledged(), requested, supplied, resumed])
      .when(missed(RESUMED_DUE, '2024-10-23T05:31:00Z'))
      .then([
        {
          type: 'DeadlineMissed',
          data: {
            trackingCode: TRACKING_CODE,
            agencyCode: AGENCY,
            dueAt: RESUMED_DUE,
            at: '2024-10-23T05:31:00.000Z',
          },
        },
        {
          type: 'RequestEscalated',
          data: {
            trackingCode: TRACKING_CODE,
            agencyCode: AGENCY,
            level: 1,
            dueAt: RESUMED_DUE,
            at: '2024-10-23T05:31:00.000Z',
          },
        },
      ]);
  });

  it('does nothing while still paused, or when nothing was paused', () => {
    spec([...history.acknowledged(), requested])
      .when(resume())
      .thenNothingHappened();
    spec(history.acknowledged()).when(resume()).thenNothingHappened();
  });
});
