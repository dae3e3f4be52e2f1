import { addAttachment } from './decisions/add-attachment.decision';
import type { Decider } from '../shared/decider';
import { acknowledge } from './decisions/acknowledge.decision';
import { answer } from './decisions/answer.decision';
import { close } from './decisions/close.decision';
import {
  escalateToInspection,
  recordDeadlineApproaching,
  recordDeadlineMissed,
  setDueTime,
} from './decisions/deadline.decisions';
import { approveExtension, refuseExtension, requestExtension } from './decisions/extension.decisions';
import { requestInformation, resumeDeadline, supplyInformation } from './decisions/information.decisions';
import { erasePersonalData } from './decisions/erase-personal-data.decision';
import { objectToAnswer, rateAnswer } from './decisions/verdict.decisions';
import { markAwaitingManualRouting } from './decisions/mark-awaiting-manual-routing.decision';
import { recordFollowUp } from './decisions/record-follow-up.decision';
import { referInsideAgency } from './decisions/refer-inside-agency.decision';
import { registerRequest } from './decisions/register-request.decision';
import { returnAsNotResponsible } from './decisions/return-as-not-responsible.decision';
import { routeToAgency } from './decisions/route-to-agency.decision';
import { absorbDuplicate, mergeAsDuplicate } from './decisions/merge.decisions';
import { linkToMatter } from './decisions/link-to-matter.decision';
import { issueDirective, markDirectiveOverdue, reportOnDirective } from './decisions/directive.decisions';
import { addSignatory } from './decisions/add-signatory.decision';
import type { RequestCommand } from './request.commands';
import type { RequestEvent } from './request.events';
import { evolve, initialState } from './request.evolve';
import type { RequestState } from './request.state';

/**
 * The request lifecycle rules. Pure: no I/O, no clock, no randomness. Returns the new facts, `[]` when the
 * command would only reach the state already reached (an idempotent repeat), or throws a DomainError.
 */
export const decide = (command: RequestCommand, state: RequestState): RequestEvent[] => {
  switch (command.type) {
    case 'RegisterRequest':
      return registerRequest(command, state);
    case 'RouteToAgency':
      return routeToAgency(command, state);
    case 'MarkAwaitingManualRouting':
      return markAwaitingManualRouting(command, state);
    case 'Acknowledge':
      return acknowledge(command, state);
    case 'ReferInsideAgency':
      return referInsideAgency(command, state);
    case 'ReturnAsNotResponsible':
      return returnAsNotResponsible(command, state);
    case 'Answer':
      return answer(command, state);
    case 'RecordFollowUp':
      return recordFollowUp(command, state);
    case 'Close':
      return close(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    case 'SetDueTime':
      return setDueTime(command, state);
    case 'RecordDeadlineApproaching':
      return recordDeadlineApproaching(command, state);
    case 'RecordDeadlineMissed':
      return recordDeadlineMissed(command, state);
    case 'EscalateToInspection':
      return escalateToInspection(command, state);
    case 'RateAnswer':
      return rateAnswer(command, state);
    case 'ObjectToAnswer':
      return objectToAnswer(command, state);
    case 'RequestExtension':
      return requestExtension(command, state);
    case 'ApproveExtension':
      return approveExtension(command, state);
    case 'RefuseExtension':
      return refuseExtension(command, state);
    case 'RequestInformation':
      return requestInformation(command, state);
    case 'SupplyInformation':
      return supplyInformation(command, state);
    case 'ResumeDeadline':
      return resumeDeadline(command, state);
    case 'MergeAsDuplicate':
      return mergeAsDuplicate(command, state);
    case 'AbsorbDuplicate':
      return absorbDuplicate(command, state);
    case 'LinkToMatter':
      return linkToMatter(command, state);
    case 'AddSignatory':
      return addSignatory(command, state);
    case 'AddAttachment':
      return addAttachment(command, state);
    case 'IssueDirective':
      return issueDirective(command, state);
    case 'ReportOnDirective':
      return reportOnDirective(command, state);
    case 'MarkDirectiveOverdue':
      return markDirectiveOverdue(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown command ${(_exhaustive as { type: string }).type}`);
    }
  }
};

export const requestDecider: Decider<RequestCommand, RequestEvent, RequestState> = {
  initialState,
  evolve,
  decide,
};
