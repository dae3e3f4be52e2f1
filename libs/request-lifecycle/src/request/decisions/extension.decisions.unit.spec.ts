import { DomainError } from '../../shared/domain-error';
import type { ApproveExtension, RefuseExtension, RequestExtension } from '../request.commands';
import type { ExtensionApproved, ExtensionRefused, ExtensionRequested } from '../request.events';
import {
  AGENCY,
  history,
  OTHER_AGENCY,
  spec,
  T,
  thrownWith,
  TRACKING_CODE,
} from '../test-support/request.fixtures';

const PROPOSED = '2024-10-29T05:30:00.000Z';
const ASKED_AT = '2024-10-20T06:00:00.000Z';
const DECIDED_AT = '2024-10-20T08:00:00.000Z';
const date = (iso: string) => new Date(iso);

const ask = (data: Partial<RequestExtension['data']> = {}): RequestExtension => ({
  type: 'RequestExtension',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    extensionId: 'ext-1',
    proposedDueAt: date(PROPOSED),
    reason: 'نیاز به بازدید میدانی',
    requestedBy: 'staff1',
    now: date(ASKED_AT),
    ...data,
  },
});
const approve = (data: Partial<ApproveExtension['data']> = {}): ApproveExtension => ({
  type: 'ApproveExtension',
  data: {
    trackingCode: TRACKING_CODE,
    extensionId: 'ext-1',
    decidedBy: 'supervisor1',
    now: date(DECIDED_AT),
    ...data,
  },
});
const refuse = (data: Partial<RefuseExtension['data']> = {}): RefuseExtension => ({
  type: 'RefuseExtension',
  data: {
    trackingCode: TRACKING_CODE,
    extensionId: 'ext-1',
    reason: 'مهلت فعلی کافی است',
    decidedBy: 'supervisor1',
    now: date(DECIDED_AT),
    ...data,
  },
});

const requested = (extensionId = 'ext-1'): ExtensionRequested => ({
  type: 'ExtensionRequested',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    extensionId,
    proposedDueAt: PROPOSED,
    currentDueAt: T.due,
    reason: 'نیاز به بازدید میدانی',
    requestedBy: 'staff1',
    at: ASKED_AT,
  },
});
const approved = (dueAt = PROPOSED): ExtensionApproved => ({
  type: 'ExtensionApproved',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    extensionId: 'ext-1',
    dueAt,
    previousDueAt: T.due,
    decidedBy: 'supervisor1',
    at: DECIDED_AT,
  },
});
const refused: ExtensionRefused = {
  type: 'ExtensionRefused',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    extensionId: 'ext-1',
    reason: 'مهلت فعلی کافی است',
    decidedBy: 'supervisor1',
    at: DECIDED_AT,
  },
};

describe('RequestExtension', () => {
  it('asks for more time on a request the agency holds, with the reason and the proposed date', () => {
    spec(history.acknowledged()).when(ask()).then(requested());
  });

  it('does nothing when the same extension is asked again', () => {
    spec([...history.acknowledged(), requested()])
      .when(ask())
      .thenNothingHappened();
  });

  it('refuses a second one while one is pending, and allows a new one once it is decided', () => {
    spec([...history.acknowledged(), requested()])
      .when(ask({ extensionId: 'ext-2' }))
      .thenThrows(DomainError, thrownWith('EXTENSION_ALREADY_PENDING'));
    spec([...history.acknowledged(), requested(), refused])
      .when(ask({ extensionId: 'ext-2' }))
      .then(requested('ext-2'));
  });

  it('refuses a date not after the current due date, an empty reason, another agency and a stopped clock', () => {
    spec(history.acknowledged())
      .when(ask({ proposedDueAt: date(T.due) }))
      .thenThrows(DomainError, thrownWith('PROPOSED_DUE_NOT_LATER', 'proposedDueAt'));
    spec(history.acknowledged())
      .when(ask({ reason: ' ' }))
      .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'reason'));
    spec(history.acknowledged())
      .when(ask({ agencyCode: OTHER_AGENCY }))
      .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    spec(history.answered()).when(ask()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_ANSWERED'));
    spec(history.closed()).when(ask()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
  });
});

describe('ApproveExtension', () => {
  it('approves the proposed date, or the one the supervisor gives, once', () => {
    spec([...history.acknowledged(), requested()])
      .when(approve())
      .then(approved());
    spec([...history.acknowledged(), requested()])
      .when(approve({ dueAt: date('2024-10-27T05:30:00Z') }))
      .then(approved('2024-10-27T05:30:00.000Z'));
    spec([...history.acknowledged(), requested(), approved()])
      .when(approve())
      .thenNothingHappened();
  });

  it('starts a new deadline the watcher follows', () => {
    spec([...history.acknowledged(), requested(), approved()])
      .when({
        type: 'RecordDeadlineMissed',
        data: { trackingCode: TRACKING_CODE, dueAt: date(T.due), now: date('2024-10-22T05:31:00Z') },
      })
      .thenThrows(DomainError, thrownWith('DEADLINE_NOT_CURRENT', 'dueAt'));
  });

  it('refuses an unknown extension, a refused one, a date in the past and a stopped clock', () => {
    spec(history.acknowledged())
      .when(approve())
      .thenThrows(DomainError, thrownWith('EXTENSION_NOT_FOUND', 'extensionId'));
    spec([...history.acknowledged(), requested(), refused])
      .when(approve())
      .thenThrows(DomainError, thrownWith('EXTENSION_ALREADY_DECIDED'));
    spec([...history.acknowledged(), requested()])
      .when(approve({ dueAt: date('2024-10-20T07:00:00Z') }))
      .thenThrows(DomainError, thrownWith('DUE_DATE_NOT_IN_FUTURE', 'dueAt'));
  });
});

describe('RefuseExtension', () => {
  it('refuses with the reason once; the deadline stays', () => {
    spec([...history.acknowledged(), requested()])
      .when(refuse())
      .then(refused);
    spec([...history.acknowledged(), requested(), refused])
      .when(refuse())
      .thenNothingHappened();
  });

  it('refuses an approved or unknown extension and an empty reason', () => {
    spec([...history.acknowledged(), requested(), approved()])
      .when(refuse())
      .thenThrows(DomainError, thrownWith('EXTENSION_ALREADY_DECIDED'));
    spec(history.acknowledged()).when(refuse()).thenThrows(DomainError, thrownWith('EXTENSION_NOT_FOUND'));
    spec([...history.acknowledged(), requested()])
      .when(refuse({ reason: '' }))
      .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'reason'));
  });
});
