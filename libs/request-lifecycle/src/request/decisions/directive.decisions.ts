import { DomainError } from '../../shared/domain-error';
import type { IssueDirective, MarkDirectiveOverdue, ReportOnDirective } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RegisteredRequest, RequestDirective, RequestState } from '../request.state';
import { isHeldStatus } from '../request.vocabulary';
import {
  isoDate,
  notClosed,
  oneOf,
  registered,
  requiredAgencyCode,
  requiredCode,
  requiredText,
} from './decision-guards';

const issuerRoles = ['supervisor', 'official'] as const;

/**
 * A supervisor or an official instructs an agency on a request it holds (or answered), with a deadline of
 * the directive's own. Several may be open at once; the same `directiveId` again is a repeat (`[]`).
 */
export const issueDirective = ({ data }: IssueDirective, state: RequestState): RequestEvent[] => {
  const directiveId = requiredCode(data.directiveId, 'directiveId');
  const agencyCode = requiredAgencyCode(data.agencyCode);
  const instruction = requiredText(data.instruction, 'instruction');
  const dueAt = isoDate(data.dueAt, 'dueAt');
  const issuedBy = requiredText(data.issuedBy, 'issuedBy', false);
  const role = oneOf(data.role, issuerRoles, 'role');
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  if (request.directives?.[directiveId]) return [];
  notClosed(request);
  if (request.agencyCode !== agencyCode || !(isHeldStatus(request.status) || request.status === 'answered')) {
    throw new DomainError(
      'DIRECTIVE_AGENCY_NOT_INVOLVED',
      `درخواست ${request.trackingCode} در دست ${agencyCode} نیست و پاسخ آن نداده است (request ${request.trackingCode} is not held or answered by agency ${agencyCode})`,
      'agencyCode',
    );
  }
  if (data.dueAt.getTime() <= data.now.getTime()) {
    throw new DomainError(
      'DUE_DATE_NOT_IN_FUTURE',
      'مهلت باید در آینده باشد (the due date must be after now)',
      'dueAt',
    );
  }
  const { trackingCode } = request;
  return [
    {
      type: 'DirectiveIssued',
      data: { trackingCode, directiveId, agencyCode, instruction, dueAt, issuedBy, role, at },
    },
  ];
};

const directiveOf = (request: RegisteredRequest, directiveId: string): RequestDirective => {
  const directive = request.directives?.[directiveId];
  if (!directive) {
    throw new DomainError(
      'DIRECTIVE_NOT_FOUND',
      `درخواست ${request.trackingCode} دستور ${directiveId} ندارد (request ${request.trackingCode} has no directive ${directiveId})`,
      'directiveId',
    );
  }
  return directive;
};

/** Only the bound agency reports, once; a report after the due time is recorded as late. */
export const reportOnDirective = ({ data }: ReportOnDirective, state: RequestState): RequestEvent[] => {
  const directiveId = requiredCode(data.directiveId, 'directiveId');
  const report = requiredText(data.report, 'report');
  const reportedBy = requiredText(data.reportedBy, 'reportedBy', false);
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  const directive = directiveOf(request, directiveId);
  if (directive.agencyCode !== data.agencyCode) {
    // Another agency's directive answers like a missing one (the agency edge turns it into a 404).
    throw new DomainError(
      'NOT_ASSIGNED_TO_AGENCY',
      `دستور ${directiveId} خطاب به ${data.agencyCode} نیست (directive ${directiveId} does not bind agency ${data.agencyCode})`,
      'agencyCode',
    );
  }
  if (directive.reportedAt !== undefined) {
    throw new DomainError(
      'DIRECTIVE_ALREADY_REPORTED',
      `گزارش دستور ${directiveId} پیش‌تر داده شده است (directive ${directiveId} of request ${request.trackingCode} was reported on at ${directive.reportedAt})`,
    );
  }
  const late = directive.overdueAt !== undefined || data.now.getTime() > new Date(directive.dueAt).getTime();
  const { trackingCode } = request;
  const { agencyCode } = directive;
  return [
    {
      type: 'DirectiveReported',
      data: { trackingCode, directiveId, agencyCode, report, reportedBy, late, at },
    },
  ];
};

/**
 * The watcher's: a directive past its due time without a report escalates to the agency's manager. Named by
 * its due time like a deadline step; a reported or already overdue directive is a repeat (`[]`).
 */
export const markDirectiveOverdue = ({ data }: MarkDirectiveOverdue, state: RequestState): RequestEvent[] => {
  const directiveId = requiredCode(data.directiveId, 'directiveId');
  const dueAt = isoDate(data.dueAt, 'dueAt');
  const at = isoDate(data.now, 'now');
  const request = registered(state, data.trackingCode);
  const directive = directiveOf(request, directiveId);
  if (directive.reportedAt !== undefined || directive.overdueAt !== undefined) return [];
  notClosed(request);
  if (directive.dueAt !== dueAt || data.now.getTime() < data.dueAt.getTime()) {
    throw new DomainError(
      'DIRECTIVE_NOT_DUE',
      `مهلت دستور ${directiveId} ${directive.dueAt} است (directive ${directiveId} of request ${request.trackingCode} is due ${directive.dueAt})`,
      'dueAt',
    );
  }
  const { trackingCode } = request;
  const { agencyCode } = directive;
  return [{ type: 'DirectiveOverdue', data: { trackingCode, directiveId, agencyCode, dueAt, at } }];
};
