import { definedOnly } from '../shared/defined-only';
import { erasedCitizen, type RequestEvent } from './request.events';
import type { RegisteredRequest, RequestState } from './request.state';

export const initialState = (): RequestState => ({ status: 'not_registered' });

const withoutRouting = ({
  agencyCode: _agencyCode,
  dueAt: _dueAt,
  deadline: _deadline,
  routedBy: _routedBy,
  ruleId: _ruleId,
  routedAt: _routedAt,
  acknowledgedAt: _acknowledgedAt,
  referral: _referral,
  manualRoutingReason: _manualRoutingReason,
  pendingExtension: _pendingExtension,
  informationRequest: _informationRequest,
  ...rest
}: RegisteredRequest): RegisteredRequest => rest;

// A watcher fact about a deadline that is no longer the current one changes nothing.
const withDeadline = (
  state: RegisteredRequest,
  dueAt: string,
  change: Partial<NonNullable<RegisteredRequest['deadline']>>,
): RegisteredRequest =>
  state.dueAt === dueAt && state.deadline ? { ...state, deadline: { ...state.deadline, ...change } } : state;

/**
 * Applies one fact. Total: every event type is handled and nothing throws; a fact that cannot apply to
 * the current state (a corrupt or foreign stream) leaves the state unchanged rather than inventing one.
 */
export const evolve = (state: RequestState, event: RequestEvent): RequestState => {
  if (event.type === 'RequestRegistered') {
    if (state.status !== 'not_registered') return state;
    const { data } = event;
    return definedOnly({
      status: 'registered',
      trackingCode: data.trackingCode,
      kind: data.kind,
      channel: data.channel,
      collective: data.collective,
      citizens: data.citizens,
      countyCode: data.countyCode,
      categoryCode: data.categoryCode,
      description: data.description,
      registeredAt: data.registeredAt,
      registeredBy: data.registeredBy,
      campaign: data.campaign,
      priority: data.priority ?? 'normal',
      returnedBy: [],
      followUpCount: 0,
    });
  }
  if (state.status === 'not_registered') return state;

  switch (event.type) {
    case 'RequestRoutedToAgency': {
      const { agencyCode, dueAt, routedBy, ruleId, at } = event.data;
      return definedOnly({
        ...withoutRouting(state),
        status: 'routed',
        agencyCode,
        dueAt,
        deadline: { startedAt: at },
        routedBy,
        ruleId,
        routedAt: at,
      });
    }
    case 'RequestAwaitingManualRouting':
      return {
        ...withoutRouting(state),
        status: 'awaiting_manual_routing',
        manualRoutingReason: event.data.reason,
      };
    case 'RequestAcknowledged':
      return { ...state, status: 'acknowledged', acknowledgedAt: event.data.at };
    case 'RequestReferredInsideAgency': {
      const { unit, toStaff, note, at } = event.data;
      return {
        ...state,
        status: 'referred',
        acknowledgedAt: state.acknowledgedAt ?? at,
        referral: definedOnly({ unit, toStaff, note, at }),
      };
    }
    case 'RequestReturnedAsNotResponsible': {
      const { agencyCode, reason, at } = event.data;
      return {
        ...withoutRouting(state),
        status: 'returned',
        returnedBy: state.returnedBy.includes(agencyCode)
          ? state.returnedBy
          : [...state.returnedBy, agencyCode],
        lastReturn: { agencyCode, reason, at },
      };
    }
    case 'RequestAnswered': {
      const { agencyCode, outcome, text, answeredAt } = event.data;
      return { ...state, status: 'answered', agencyCode, answer: { agencyCode, outcome, text }, answeredAt };
    }
    case 'FollowUpRecorded': {
      const { note, channel, at } = event.data;
      return { ...state, followUpCount: state.followUpCount + 1, lastFollowUp: { note, channel, at } };
    }
    case 'RequestClosed': {
      const { reason, duplicateOf, note, article, at } = event.data;
      return { ...state, status: 'closed', closure: definedOnly({ reason, duplicateOf, note, article, at }) };
    }
    case 'PersonalDataErased': {
      // The fact wins over whatever the store could still decrypt: the citizen reads erased from here on.
      const { citizenIndex } = event.data;
      if (!Number.isInteger(citizenIndex) || citizenIndex < 0 || citizenIndex >= state.citizens.length) {
        return state;
      }
      const erased = state.erasedCitizens ?? [];
      return {
        ...state,
        citizens: state.citizens.map((citizen, i) => (i === citizenIndex ? erasedCitizen : citizen)),
        erasedCitizens: erased.includes(citizenIndex) ? erased : [...erased, citizenIndex],
      };
    }
    case 'DueTimeSet':
      return { ...state, dueAt: event.data.dueAt, deadline: { startedAt: event.data.at } };
    case 'DeadlineApproaching':
      return withDeadline(state, event.data.dueAt, { approachingAt: event.data.at });
    case 'DeadlineMissed':
      return withDeadline(state, event.data.dueAt, { missedAt: event.data.at });
    case 'RequestEscalated':
      return withDeadline(state, event.data.dueAt, { escalationLevel: event.data.level });
    case 'AnswerRated': {
      const { answeredAt, rating, at } = event.data;
      return { ...state, verdict: { answeredAt, rating, at } };
    }
    case 'AnswerObjected': {
      // Reopened to the same agency: it holds the request again and a new deadline starts.
      const { agencyCode, answeredAt, objection, dueAt, at } = event.data;
      return {
        ...state,
        status: 'routed',
        agencyCode,
        dueAt,
        deadline: { startedAt: at },
        routedAt: at,
        verdict: { answeredAt, objected: true, at },
        objections: Math.max(state.objections ?? 0, objection),
      };
    }
    case 'ExtensionRequested': {
      const { extensionId, agencyCode, proposedDueAt } = event.data;
      return { ...state, pendingExtension: { extensionId, agencyCode, proposedDueAt } };
    }
    case 'ExtensionApproved':
    case 'ExtensionRefused': {
      const { pendingExtension: _pending, ...rest } = state;
      const outcome: 'approved' | 'refused' = event.type === 'ExtensionApproved' ? 'approved' : 'refused';
      const decided = {
        ...rest,
        extensionOutcomes: { ...state.extensionOutcomes, [event.data.extensionId]: outcome },
      };
      return event.type === 'ExtensionApproved'
        ? { ...decided, dueAt: event.data.dueAt, deadline: { startedAt: event.data.at } }
        : decided;
    }
    case 'InformationRequested':
      return { ...state, informationRequest: { requestedAt: event.data.at } };
    case 'InformationSupplied':
      return state.informationRequest
        ? { ...state, informationRequest: { ...state.informationRequest, suppliedAt: event.data.at } }
        : state;
    case 'DeadlineResumed': {
      const { informationRequest: _resumed, ...rest } = state;
      return { ...rest, dueAt: event.data.dueAt, deadline: { startedAt: event.data.at } };
    }
    case 'MergedAsDuplicate': {
      const { survivorCode, at } = event.data;
      return { ...state, status: 'closed', closure: { reason: 'duplicate', duplicateOf: survivorCode, at } };
    }
    case 'DuplicateAbsorbed': {
      const absorbed = state.absorbed ?? [];
      const code = event.data.absorbedCode;
      return absorbed.includes(code) ? state : { ...state, absorbed: [...absorbed, code] };
    }
    case 'LinkedToMatter':
      return { ...state, matterId: event.data.matterId };
    case 'SignatoryAdded': {
      // Appended in order, so a signatory's number (index + 1) is the one they prove on the lookup.
      if (event.data.signatoryIndex !== state.citizens.length) return state;
      return { ...state, citizens: [...state.citizens, event.data.citizen] };
    }
    case 'AttachmentAdded': {
      const ids = state.attachmentIds ?? [];
      if (ids.includes(event.data.attachmentId)) return state;
      return { ...state, attachmentIds: [...ids, event.data.attachmentId] };
    }
    case 'DirectiveIssued': {
      const { directiveId, agencyCode, dueAt, issuedBy, role, at } = event.data;
      if (state.directives?.[directiveId]) return state;
      const directive = { agencyCode, dueAt, issuedBy, role, issuedAt: at };
      return { ...state, directives: { ...state.directives, [directiveId]: directive } };
    }
    case 'DirectiveReported':
    case 'DirectiveOverdue': {
      const { directiveId, at } = event.data;
      const directive = state.directives?.[directiveId];
      if (!directive) return state;
      const changed =
        event.type === 'DirectiveReported'
          ? { ...directive, reportedAt: at }
          : { ...directive, overdueAt: at };
      return { ...state, directives: { ...state.directives, [directiveId]: changed } };
    }
    default: {
      // An event type this version does not know (written by a newer one) changes nothing here.
      const _exhaustive: never = event;
      void _exhaustive;
      return state;
    }
  }
};

/** Rebuilds a request's state from its stream. */
export const stateFromEvents = (events: readonly RequestEvent[]): RequestState =>
  events.reduce(evolve, initialState());
