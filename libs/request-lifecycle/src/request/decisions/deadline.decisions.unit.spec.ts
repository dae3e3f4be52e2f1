import { DomainError } from '../../shared/domain-error';
import type {
  EscalateToInspection,
  RecordDeadlineApproaching,
  RecordDeadlineMissed,
  SetDueTime,
} from '../request.commands';
import type { DeadlineApproaching, DeadlineMissed, DueTimeSet, RequestEscalated } from '../request.events';
import {
  AGENCY,
  events,
  history,
  spec,
  T,
  thrownWith,
  TRACKING_CODE,
} from '../test-support/request.fixtures';

const URGENT_DUE = '2024-10-15T09:30:00.000Z'; // two hours after the supervisor sets it
const SET_AT = '2024-10-15T07:30:00.000Z';
const date = (iso: string) => new Date(iso);

const setDueTime = (data: Partial<SetDueTime['data']> = {}): SetDueTime => ({
  type: 'SetDueTime',
  data: {
    trackingCode: TRACKING_CODE,
    dueAt: date(URGENT_DUE),
    reason: 'قطعی آب بیمارستان',
    setBy: 'supervisor1',
    now: date(SET_AT),
    ...data,
  },
});
const approaching = (data: Partial<RecordDeadlineApproaching['data']> = {}): RecordDeadlineApproaching => ({
  type: 'RecordDeadlineApproaching',
  data: { trackingCode: TRACKING_CODE, dueAt: date(T.due), now: date('2024-10-21T05:30:00Z'), ...data },
});
const missed = (data: Partial<RecordDeadlineMissed['data']> = {}): RecordDeadlineMissed => ({
  type: 'RecordDeadlineMissed',
  data: { trackingCode: TRACKING_CODE, dueAt: date(T.due), now: date('2024-10-22T05:30:20Z'), ...data },
});
const inspection = (data: Partial<EscalateToInspection['data']> = {}): EscalateToInspection => ({
  type: 'EscalateToInspection',
  data: { trackingCode: TRACKING_CODE, dueAt: date(T.due), now: date('2024-10-26T05:30:10Z'), ...data },
});

const dueTimeSet: DueTimeSet = {
  type: 'DueTimeSet',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    dueAt: URGENT_DUE,
    previousDueAt: T.due,
    reason: 'قطعی آب بیمارستان',
    setBy: 'supervisor1',
    at: SET_AT,
  },
};
const fact = { trackingCode: TRACKING_CODE, agencyCode: AGENCY, dueAt: T.due };
const deadlineApproaching: DeadlineApproaching = {
  type: 'DeadlineApproaching',
  data: { ...fact, at: '2024-10-21T05:30:00.000Z' },
};
const deadlineMissed: DeadlineMissed = {
  type: 'DeadlineMissed',
  data: { ...fact, at: '2024-10-22T05:30:20.000Z' },
};
const escalated = (level: 1 | 2, at = '2024-10-22T05:30:20.000Z'): RequestEscalated => ({
  type: 'RequestEscalated',
  data: { ...fact, level, at },
});

describe('SetDueTime', () => {
  it('sets an urgent due time on a request an agency holds, with the reason', () => {
    spec(history.acknowledged()).when(setDueTime()).then(dueTimeSet);
  });

  it('does nothing when the due time is already the one asked for', () => {
    spec([...history.acknowledged(), dueTimeSet])
      .when(setDueTime())
      .thenNothingHappened();
  });

  it('starts a new deadline: the old one’s facts no longer count', () => {
    spec([...history.routed(), deadlineApproaching, dueTimeSet])
      .when(approaching({ dueAt: date(URGENT_DUE), now: date('2024-10-15T09:06:00Z') }))
      .then({
        type: 'DeadlineApproaching',
        data: { ...fact, dueAt: URGENT_DUE, at: '2024-10-15T09:06:00.000Z' },
      });
  });

  it('refuses a due time in the past, an empty reason, and a request whose clock is stopped', () => {
    spec(history.routed())
      .when(setDueTime({ dueAt: date('2024-10-15T07:00:00Z') }))
      .thenThrows(DomainError, thrownWith('DUE_DATE_NOT_IN_FUTURE', 'dueAt'));
    spec(history.routed())
      .when(setDueTime({ reason: '  ' }))
      .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'reason'));
    for (const stopped of [history.answered(), history.returned(), history.registered()]) {
      spec(stopped).when(setDueTime()).thenThrows(DomainError, thrownWith('NO_DEADLINE_RUNNING'));
    }
    spec(history.closed()).when(setDueTime()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
  });
});

describe('RecordDeadlineApproaching', () => {
  it('records the approaching deadline once', () => {
    spec(history.acknowledged()).when(approaching()).then(deadlineApproaching);
    spec([...history.acknowledged(), deadlineApproaching])
      .when(approaching())
      .thenNothingHappened();
  });

  it('refuses a deadline that is not the current one (a stale read) or a stopped clock', () => {
    spec([...history.acknowledged(), dueTimeSet])
      .when(approaching())
      .thenThrows(DomainError, thrownWith('DEADLINE_NOT_CURRENT', 'dueAt'));
    spec(history.answered()).when(approaching()).thenThrows(DomainError, thrownWith('NO_DEADLINE_RUNNING'));
  });
});

describe('RecordDeadlineMissed', () => {
  it('records the miss once and escalates to the agency’s manager', () => {
    spec([...history.acknowledged(), deadlineApproaching])
      .when(missed())
      .then([deadlineMissed, escalated(1)]);
    spec([...history.acknowledged(), deadlineApproaching, deadlineMissed, escalated(1)])
      .when(missed())
      .thenNothingHappened();
  });

  it('refuses before the due moment, and once answered or returned', () => {
    spec(history.acknowledged())
      .when(missed({ now: date('2024-10-22T05:29:59Z') }))
      .thenThrows(DomainError, thrownWith('DEADLINE_NOT_REACHED'));
    spec(history.answered()).when(missed()).thenThrows(DomainError, thrownWith('NO_DEADLINE_RUNNING'));
    spec(history.returned()).when(missed()).thenThrows(DomainError, thrownWith('NO_DEADLINE_RUNNING'));
  });

  it('a new routing starts a new deadline', () => {
    const rerouted = events.requestRoutedToAgency({ at: T.rerouted, dueAt: T.rerouteDue });
    spec([...history.returned(), rerouted])
      .when(missed())
      .thenThrows(DomainError, thrownWith('DEADLINE_NOT_CURRENT', 'dueAt'));
  });
});

describe('EscalateToInspection', () => {
  const missedHistory = () => [...history.acknowledged(), deadlineApproaching, deadlineMissed, escalated(1)];

  it('escalates a missed deadline to level 2 once', () => {
    spec(missedHistory()).when(inspection()).then(escalated(2, '2024-10-26T05:30:10.000Z'));
    spec([...missedHistory(), escalated(2, '2024-10-26T05:30:10.000Z')])
      .when(inspection())
      .thenNothingHappened();
  });

  it('refuses before level 1, or once answered', () => {
    spec(history.acknowledged())
      .when(inspection())
      .thenThrows(DomainError, thrownWith('DEADLINE_NOT_REACHED'));
    spec([...missedHistory(), events.requestAnswered({ answeredAt: '2024-10-23T05:00:00.000Z' })])
      .when(inspection())
      .thenThrows(DomainError, thrownWith('NO_DEADLINE_RUNNING'));
  });
});
