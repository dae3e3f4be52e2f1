import { DomainError } from '../../shared/domain-error';
import { nextDirectiveStep } from '../directive-schedule';
import type { IssueDirective, MarkDirectiveOverdue, ReportOnDirective } from '../request.commands';
import type { DirectiveIssued, DirectiveOverdue, DirectiveReported, RequestEvent } from '../request.events';
import { toAgencyMessages } from '../request-agency-messages.mapper';
import { toIntegrationPayload } from '../request-integration.mapper';
import { stateFromEvents } from '../request.evolve';
import {
  AGENCY,
  history,
  OTHER_AGENCY,
  spec,
  thrownWith,
  TRACKING_CODE,
} from '../test-support/request.fixtures';

const ISSUED_AT = '2024-10-16T06:00:00.000Z';
const DUE = '2024-10-18T05:30:00.000Z';
const LATER_DUE = '2024-10-19T05:30:00.000Z';
const REPORTED_AT = '2024-10-17T06:00:00.000Z';
const AFTER_DUE = '2024-10-18T05:30:10.000Z';
const date = (iso: string) => new Date(iso);
const stateOf = (events: RequestEvent[]) => stateFromEvents(events);

const issue = (data: Partial<IssueDirective['data']> = {}): IssueDirective => ({
  type: 'IssueDirective',
  data: {
    trackingCode: TRACKING_CODE,
    directiveId: 'dir-1',
    agencyCode: AGENCY,
    instruction: 'ظرف دو روز کارشناس اعزام شود',
    dueAt: date(DUE),
    issuedBy: 'governor1',
    role: 'official',
    now: date(ISSUED_AT),
    ...data,
  },
});
const report = (data: Partial<ReportOnDirective['data']> = {}): ReportOnDirective => ({
  type: 'ReportOnDirective',
  data: {
    trackingCode: TRACKING_CODE,
    agencyCode: AGENCY,
    directiveId: 'dir-1',
    report: 'کارشناس اعزام شد',
    reportedBy: 'staff1',
    now: date(REPORTED_AT),
    ...data,
  },
});
const markOverdue = (data: Partial<MarkDirectiveOverdue['data']> = {}): MarkDirectiveOverdue => ({
  type: 'MarkDirectiveOverdue',
  data: {
    trackingCode: TRACKING_CODE,
    directiveId: 'dir-1',
    dueAt: date(DUE),
    now: date(AFTER_DUE),
    ...data,
  },
});

const issued = (directiveId = 'dir-1', dueAt = DUE): DirectiveIssued => ({
  type: 'DirectiveIssued',
  data: {
    trackingCode: TRACKING_CODE,
    directiveId,
    agencyCode: AGENCY,
    instruction: 'ظرف دو روز کارشناس اعزام شود',
    dueAt,
    issuedBy: 'governor1',
    role: 'official',
    at: ISSUED_AT,
  },
});
const reported = (late = false, at = REPORTED_AT): DirectiveReported => ({
  type: 'DirectiveReported',
  data: {
    trackingCode: TRACKING_CODE,
    directiveId: 'dir-1',
    agencyCode: AGENCY,
    report: 'کارشناس اعزام شد',
    reportedBy: 'staff1',
    late,
    at,
  },
});
const overdue: DirectiveOverdue = {
  type: 'DirectiveOverdue',
  data: { trackingCode: TRACKING_CODE, directiveId: 'dir-1', agencyCode: AGENCY, dueAt: DUE, at: AFTER_DUE },
};

describe('IssueDirective', () => {
  it('gives the holding agency a directive with its own due time, once per id', () => {
    spec(history.acknowledged()).when(issue()).then(issued());
    spec([...history.acknowledged(), issued()])
      .when(issue())
      .thenNothingHappened();
    spec([...history.acknowledged(), issued()])
      .when(issue({ directiveId: 'dir-2', dueAt: date(LATER_DUE) }))
      .then(issued('dir-2', LATER_DUE));
  });

  it('may bind the agency that answered the request', () => {
    spec(history.answered()).when(issue()).then(issued());
  });

  it('refuses another agency, a closed request, a past due time, an empty instruction and an unknown role', () => {
    spec(history.acknowledged())
      .when(issue({ agencyCode: OTHER_AGENCY }))
      .thenThrows(DomainError, thrownWith('DIRECTIVE_AGENCY_NOT_INVOLVED', 'agencyCode'));
    spec(history.awaitingManualRouting())
      .when(issue())
      .thenThrows(DomainError, thrownWith('DIRECTIVE_AGENCY_NOT_INVOLVED', 'agencyCode'));
    spec(history.closed()).when(issue()).thenThrows(DomainError, thrownWith('REQUEST_ALREADY_CLOSED'));
    spec(history.acknowledged())
      .when(issue({ dueAt: date('2024-10-16T05:00:00Z') }))
      .thenThrows(DomainError, thrownWith('DUE_DATE_NOT_IN_FUTURE', 'dueAt'));
    spec(history.acknowledged())
      .when(issue({ instruction: '  ' }))
      .thenThrows(DomainError, thrownWith('VALUE_REQUIRED', 'instruction'));
    spec(history.acknowledged())
      .when(issue({ role: 'operator' as never }))
      .thenThrows(DomainError, thrownWith('INVALID_VALUE', 'role'));
    spec([]).when(issue()).thenThrows(DomainError, thrownWith('REQUEST_NOT_FOUND'));
  });
});

describe('ReportOnDirective', () => {
  it('records the agency’s report once; after the due time it is late', () => {
    spec([...history.acknowledged(), issued()])
      .when(report())
      .then(reported());
    spec([...history.acknowledged(), issued(), overdue])
      .when(report({ now: date('2024-10-18T06:00:00Z') }))
      .then(reported(true, '2024-10-18T06:00:00.000Z'));
    spec([...history.acknowledged(), issued(), reported()])
      .when(report())
      .thenThrows(DomainError, thrownWith('DIRECTIVE_ALREADY_REPORTED'));
  });

  it('refuses another agency and an unknown directive', () => {
    spec([...history.acknowledged(), issued()])
      .when(report({ agencyCode: OTHER_AGENCY }))
      .thenThrows(DomainError, thrownWith('NOT_ASSIGNED_TO_AGENCY'));
    spec(history.acknowledged())
      .when(report())
      .thenThrows(DomainError, thrownWith('DIRECTIVE_NOT_FOUND', 'directiveId'));
  });
});

describe('MarkDirectiveOverdue', () => {
  it('escalates a directive past its due time without a report, once', () => {
    spec([...history.acknowledged(), issued()])
      .when(markOverdue())
      .then(overdue);
    spec([...history.acknowledged(), issued(), overdue])
      .when(markOverdue())
      .thenNothingHappened();
    spec([...history.acknowledged(), issued(), reported()])
      .when(markOverdue())
      .thenNothingHappened();
  });

  it('refuses a due time not reached, or not the directive’s', () => {
    spec([...history.acknowledged(), issued()])
      .when(markOverdue({ now: date('2024-10-18T05:00:00Z') }))
      .thenThrows(DomainError, thrownWith('DIRECTIVE_NOT_DUE', 'dueAt'));
    spec([...history.acknowledged(), issued()])
      .when(markOverdue({ dueAt: date(LATER_DUE), now: date('2024-10-20T00:00:00Z') }))
      .thenThrows(DomainError, thrownWith('DIRECTIVE_NOT_DUE', 'dueAt'));
  });
});

describe('nextDirectiveStep', () => {
  it('owes the earliest open directive, skipping reported and overdue ones', () => {
    expect(nextDirectiveStep(stateOf(history.acknowledged()))).toBeUndefined();
    const two = [...history.acknowledged(), issued('dir-2', LATER_DUE), issued()];
    expect(nextDirectiveStep(stateOf(two))).toEqual({ directiveId: 'dir-1', dueAt: date(DUE) });
    expect(nextDirectiveStep(stateOf([...two, reported()]))).toEqual({
      directiveId: 'dir-2',
      dueAt: date(LATER_DUE),
    });
    expect(nextDirectiveStep(stateOf([...two, overdue]))?.directiveId).toBe('dir-2');
  });

  it('owes nothing on a closed request', () => {
    const closed = [...history.answered(), issued(), { ...history.closed().at(-1)! }];
    expect(nextDirectiveStep(stateOf(closed))).toBeUndefined();
  });
});

describe('directive facts leaving the centre', () => {
  it('carry neither the instruction nor the report on the request topic', () => {
    expect(toIntegrationPayload(issued()).data).not.toHaveProperty('instruction');
    expect(toIntegrationPayload(reported()).data).not.toHaveProperty('report');
  });

  it('reach the bound agency’s topic with the directive’s id, role and due time; overdue is escalation level 1', () => {
    const before = stateOf([...history.acknowledged()]);
    const [message] = toAgencyMessages(before, issued());
    expect(message).toMatchObject({
      agencyCode: AGENCY,
      data: { change: 'directive_issued', directive: { directiveId: 'dir-1', dueAt: DUE, role: 'official' } },
    });
    const [late] = toAgencyMessages(stateOf([...history.acknowledged(), issued()]), overdue);
    expect(late!.data).toMatchObject({ change: 'directive_overdue', escalationLevel: 1 });
    expect(JSON.stringify(message)).not.toContain('کارشناس');
  });
});
