import type { MarkDirectiveOverdue } from './request.commands';
import type { RequestState } from './request.state';

/** The next directive the watcher must look at: the earliest open one, at its due time (ADR 37). */
export interface DirectiveStep {
  readonly directiveId: string;
  readonly dueAt: Date;
}

/** Undefined when no directive on the request is left to escalate (all reported or overdue, or closed). */
export const nextDirectiveStep = (state: RequestState): DirectiveStep | undefined => {
  if (state.status === 'not_registered' || state.status === 'closed') return undefined;
  let next: DirectiveStep | undefined;
  for (const [directiveId, directive] of Object.entries(state.directives ?? {})) {
    if (directive.reportedAt !== undefined || directive.overdueAt !== undefined) continue;
    const dueAt = new Date(directive.dueAt);
    if (next === undefined || dueAt.getTime() < next.dueAt.getTime()) next = { directiveId, dueAt };
  }
  return next;
};

/** The watcher's command for a directive whose due time has come. */
export const directiveOverdueCommand = (
  step: DirectiveStep,
  trackingCode: string,
  now: Date,
): MarkDirectiveOverdue => ({
  type: 'MarkDirectiveOverdue',
  data: { trackingCode, directiveId: step.directiveId, dueAt: step.dueAt, now },
});
