import type {
  AnswerOutcome,
  CloseReason,
  EscalationLevel,
  RequestChannel,
  RequestKind,
  RequestPriority,
  RoutingOrigin,
  VerdictChannel,
} from './request.vocabulary';

/** Emmett-style event: a past-tense fact. Data is JSON-native (timestamps are UTC ISO strings). */
export type DomainEvent<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata?: Readonly<Record<string, unknown>>;
}>;

export interface Citizen {
  /**
   * Canonical 10-digit کد ملی; null for a citizen who filed online (channel `web`) without one, registered
   * against the mobile instead (ADR 39). Such a citizen always has a mobile, which tells them from the erased.
   */
  readonly nationalCode: string | null;
  readonly fullName: string;
  /** Canonical `09xxxxxxxxx`. */
  readonly mobile: string;
}

/**
 * A citizen whose personal data was erased: the store keeps the fact that someone registered the request,
 * but the key that sealed who it was is destroyed, so every personal field reads null.
 */
export interface ErasedCitizen {
  readonly erased: true;
  readonly nationalCode: null;
  readonly fullName: null;
  readonly mobile: null;
}

/** A citizen as a registration reads back from the store: present, or erased. */
export type RegisteredCitizen = Citizen | ErasedCitizen;

export const erasedCitizen: ErasedCitizen = Object.freeze({
  erased: true,
  nationalCode: null,
  fullName: null,
  mobile: null,
});

/**
 * How free text (a description, a note, an answer, a reason) reads once the key it was sealed under is
 * destroyed: the fact and its place in the lifecycle stay, the words are gone.
 */
export const erasedText = '[erased]';

// Not `nationalCode === null`: a mobile-only citizen (ADR 39) has none either, but keeps a mobile.
export const isErasedCitizen = (citizen: RegisteredCitizen): citizen is ErasedCitizen =>
  (citizen as { erased?: unknown }).erased === true ||
  (citizen.nationalCode === null && citizen.mobile === null);

/** A citizen registered against the mobile, without a national code (channel `web`, ADR 39). */
export const isMobileOnlyCitizen = (
  citizen: RegisteredCitizen,
): citizen is Citizen & { nationalCode: null } => !isErasedCitizen(citizen) && citizen.nationalCode === null;

/** Channels on which a citizen may be registered with a mobile and no national code (ADR 39). */
export const mobileOnlyChannels: readonly string[] = ['web'];

// Timestamps are ISO strings, not Dates, so a JSON round trip through the store gives back the same event.

export type RequestRegistered = DomainEvent<
  'RequestRegistered',
  {
    trackingCode: string;
    kind: RequestKind;
    channel: RequestChannel;
    collective: boolean;
    citizens: readonly RegisteredCitizen[];
    countyCode: string;
    categoryCode: string;
    description: string;
    registeredAt: string;
    registeredBy: string;
    /** A letter registered with a provincial-trip campaign (ADR 28); its target caps every due date. */
    campaign?: CampaignLetter;
    /** Absent on requests registered before priorities: they read as `normal`. */
    priority?: RequestPriority;
    /** Why the operator chose another priority than the category's default (free text, sealed). */
    priorityReason?: string;
  }
>;

/** The campaign a letter belongs to, as it stood when the letter was registered. */
export interface CampaignLetter {
  readonly campaignId: string;
  readonly letterNumber: string;
  /** Gregorian calendar date (YYYY-MM-DD) the letter bears. */
  readonly letterDate: string;
  /** The end (Tehran) of the campaign's target day: every answer is due by then. */
  readonly targetAt: string;
  /** The campaign's Persian name, for its board (added later: absent in older letters). */
  readonly campaignName?: string;
}

/** A scanned letter or photo attached to the request (ADR 29): metadata only, never the content. */
export type AttachmentAdded = DomainEvent<
  'AttachmentAdded',
  {
    trackingCode: string;
    attachmentId: string;
    contentType: string;
    size: number;
    sha256: string;
    addedBy: string;
    at: string;
  }
>;

export type RequestRoutedToAgency = DomainEvent<
  'RequestRoutedToAgency',
  {
    trackingCode: string;
    agencyCode: string;
    dueAt: string;
    routedBy: RoutingOrigin;
    ruleId?: string;
    at: string;
  }
>;

export type RequestAwaitingManualRouting = DomainEvent<
  'RequestAwaitingManualRouting',
  { trackingCode: string; reason: string; at: string }
>;

export type RequestAcknowledged = DomainEvent<
  'RequestAcknowledged',
  { trackingCode: string; agencyCode: string; at: string }
>;

export type RequestReferredInsideAgency = DomainEvent<
  'RequestReferredInsideAgency',
  { trackingCode: string; agencyCode: string; unit?: string; toStaff?: string; note?: string; at: string }
>;

export type RequestReturnedAsNotResponsible = DomainEvent<
  'RequestReturnedAsNotResponsible',
  { trackingCode: string; agencyCode: string; reason: string; at: string }
>;

export type RequestAnswered = DomainEvent<
  'RequestAnswered',
  {
    trackingCode: string;
    agencyCode: string;
    outcome: AnswerOutcome;
    text: string;
    answeredAt: string;
    /** The agency's answer template the text started from, at the version used (ADR 36). */
    template?: { templateId: string; version: number };
    /** The agency's manager took the caller at the centre and answered in person (ADR 38). */
    inPerson?: true;
    /** Who answered, when it is recorded: the manager, for an answer in person. */
    answeredBy?: string;
  }
>;

export type FollowUpRecorded = DomainEvent<
  'FollowUpRecorded',
  { trackingCode: string; note: string; channel: RequestChannel; at: string }
>;

export type RequestClosed = DomainEvent<
  'RequestClosed',
  {
    trackingCode: string;
    reason: CloseReason;
    duplicateOf?: string;
    note?: string;
    /** The knowledge-base article the operator answered with; exactly when `answered_at_first_contact`. */
    article?: { articleId: string; version: number };
    at: string;
  }
>;

/** A citizen's personal data on this request was erased (the index points into the registration's citizens). */
export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  { trackingCode: string; citizenIndex: number; at: string }
>;

/** A supervisor set (or shortened) the due time of the deadline running now: a new deadline starts. */
export type DueTimeSet = DomainEvent<
  'DueTimeSet',
  {
    trackingCode: string;
    agencyCode: string;
    dueAt: string;
    previousDueAt: string;
    reason: string;
    setBy: string;
    at: string;
  }
>;

/** The deadline watcher saw the due moment coming (one working day before, or 80% of a short span). */
export type DeadlineApproaching = DomainEvent<
  'DeadlineApproaching',
  { trackingCode: string; agencyCode: string; dueAt: string; at: string }
>;

/** The due moment passed without an answer or a return. */
export type DeadlineMissed = DomainEvent<
  'DeadlineMissed',
  { trackingCode: string; agencyCode: string; dueAt: string; at: string }
>;

/** Level 1: the agency's manager; level 2: the governor's inspection office. */
export type RequestEscalated = DomainEvent<
  'RequestEscalated',
  { trackingCode: string; agencyCode: string; level: EscalationLevel; dueAt: string; at: string }
>;

/** The citizen rated the answer on record (`answeredAt` names it); the comment is sealed free text. */
export type AnswerRated = DomainEvent<
  'AnswerRated',
  {
    trackingCode: string;
    agencyCode: string;
    answeredAt: string;
    rating: number;
    comment?: string;
    givenBy: VerdictChannel;
    at: string;
  }
>;

/**
 * The citizen objected to the answer on record: the request reopens to the same agency with a new deadline.
 * `objection` counts them (the second one also escalates to level 2, as its own RequestEscalated fact).
 */
export type AnswerObjected = DomainEvent<
  'AnswerObjected',
  {
    trackingCode: string;
    agencyCode: string;
    answeredAt: string;
    objection: number;
    reason?: string;
    dueAt: string;
    givenBy: VerdictChannel;
    at: string;
  }
>;

// Extensions and information requests (issue 10, items 5 and 6; ADR 24). Reasons, questions and the
// information supplied are free text: sealed at rest, shown in the history, never on a topic.

export type ExtensionRequested = DomainEvent<
  'ExtensionRequested',
  {
    trackingCode: string;
    agencyCode: string;
    extensionId: string;
    proposedDueAt: string;
    currentDueAt: string;
    reason: string;
    requestedBy: string;
    at: string;
  }
>;

/** A new deadline starts at the approved due date. */
export type ExtensionApproved = DomainEvent<
  'ExtensionApproved',
  {
    trackingCode: string;
    agencyCode: string;
    extensionId: string;
    dueAt: string;
    previousDueAt: string;
    decidedBy: string;
    at: string;
  }
>;

export type ExtensionRefused = DomainEvent<
  'ExtensionRefused',
  {
    trackingCode: string;
    agencyCode: string;
    extensionId: string;
    reason: string;
    decidedBy: string;
    at: string;
  }
>;

/** The clock pauses: the watcher records nothing until the information is supplied. */
export type InformationRequested = DomainEvent<
  'InformationRequested',
  {
    trackingCode: string;
    agencyCode: string;
    question: string;
    requestedBy: string;
    dueAt: string;
    at: string;
  }
>;

export type InformationSupplied = DomainEvent<
  'InformationSupplied',
  {
    trackingCode: string;
    agencyCode: string;
    information: string;
    suppliedBy: string;
    requestedAt: string;
    at: string;
  }
>;

/** The clock runs again: the due date moved by the working time it was paused, a new deadline starts. */
export type DeadlineResumed = DomainEvent<
  'DeadlineResumed',
  {
    trackingCode: string;
    agencyCode: string;
    dueAt: string;
    previousDueAt: string;
    pausedFrom: string;
    pausedUntil: string;
    at: string;
  }
>;

// Duplicates, collective matters and signatories (issue 11; ADR 27).

/** This request was closed as a duplicate of `survivorCode`: its citizens follow the survivor from now on. */
export type MergedAsDuplicate = DomainEvent<
  'MergedAsDuplicate',
  { trackingCode: string; survivorCode: string; mergedBy: string; at: string }
>;

/** The survivor's side of a merge: `absorbedCode` now points here. */
export type DuplicateAbsorbed = DomainEvent<
  'DuplicateAbsorbed',
  { trackingCode: string; absorbedCode: string; mergedBy: string; at: string }
>;

/** The request joined a collective matter: answered once for all its requests. */
export type LinkedToMatter = DomainEvent<
  'LinkedToMatter',
  { trackingCode: string; matterId: string; linkedBy: string; at: string }
>;

/** Another citizen signed the collective request; `signatoryIndex` is their place among its citizens. */
export type SignatoryAdded = DomainEvent<
  'SignatoryAdded',
  { trackingCode: string; signatoryIndex: number; citizen: RegisteredCitizen; addedBy: string; at: string }
>;

// Officials' directives (ADR 37): an instruction to an agency with a deadline of its own.

/** Who may give a directive: a supervisor of the centre, or an official (the governor, a deputy). */
export type DirectiveIssuerRole = 'supervisor' | 'official';

/** A supervisor or an official instructs the agency on this request, due at `dueAt`. */
export type DirectiveIssued = DomainEvent<
  'DirectiveIssued',
  {
    trackingCode: string;
    directiveId: string;
    agencyCode: string;
    instruction: string;
    dueAt: string;
    issuedBy: string;
    role: DirectiveIssuerRole;
    at: string;
  }
>;

/** The agency reports on the directive; `late` when it was already overdue. */
export type DirectiveReported = DomainEvent<
  'DirectiveReported',
  {
    trackingCode: string;
    directiveId: string;
    agencyCode: string;
    report: string;
    reportedBy: string;
    late: boolean;
    at: string;
  }
>;

/** The directive's deadline passed without a report: escalated to the agency's manager, like a missed deadline. */
export type DirectiveOverdue = DomainEvent<
  'DirectiveOverdue',
  { trackingCode: string; directiveId: string; agencyCode: string; dueAt: string; at: string }
>;

export type RequestEvent =
  | RequestRegistered
  | RequestRoutedToAgency
  | RequestAwaitingManualRouting
  | RequestAcknowledged
  | RequestReferredInsideAgency
  | RequestReturnedAsNotResponsible
  | RequestAnswered
  | FollowUpRecorded
  | RequestClosed
  | PersonalDataErased
  | DueTimeSet
  | DeadlineApproaching
  | DeadlineMissed
  | RequestEscalated
  | AnswerRated
  | AnswerObjected
  | ExtensionRequested
  | ExtensionApproved
  | ExtensionRefused
  | InformationRequested
  | InformationSupplied
  | DeadlineResumed
  | MergedAsDuplicate
  | DuplicateAbsorbed
  | LinkedToMatter
  | SignatoryAdded
  | AttachmentAdded
  | DirectiveIssued
  | DirectiveReported
  | DirectiveOverdue;

export type RequestEventType = RequestEvent['type'];

/** Every event type the request stream may hold, for store type registries. */
export const requestEventTypes = [
  'RequestRegistered',
  'RequestRoutedToAgency',
  'RequestAwaitingManualRouting',
  'RequestAcknowledged',
  'RequestReferredInsideAgency',
  'RequestReturnedAsNotResponsible',
  'RequestAnswered',
  'FollowUpRecorded',
  'RequestClosed',
  'PersonalDataErased',
  'DueTimeSet',
  'DeadlineApproaching',
  'DeadlineMissed',
  'RequestEscalated',
  'AnswerRated',
  'AnswerObjected',
  'ExtensionRequested',
  'ExtensionApproved',
  'ExtensionRefused',
  'InformationRequested',
  'InformationSupplied',
  'DeadlineResumed',
  'MergedAsDuplicate',
  'DuplicateAbsorbed',
  'LinkedToMatter',
  'SignatoryAdded',
  'AttachmentAdded',
  'DirectiveIssued',
  'DirectiveReported',
  'DirectiveOverdue',
] as const satisfies readonly RequestEventType[];

export const isRequestEvent = (event: { type: string }): event is RequestEvent =>
  (requestEventTypes as readonly string[]).includes(event.type);

/** When the fact happened (each event names its own timestamp). */
export const occurredAt = (event: RequestEvent): string => {
  switch (event.type) {
    case 'RequestRegistered':
      return event.data.registeredAt;
    case 'RequestAnswered':
      return event.data.answeredAt;
    case 'RequestRoutedToAgency':
    case 'RequestAwaitingManualRouting':
    case 'RequestAcknowledged':
    case 'RequestReferredInsideAgency':
    case 'RequestReturnedAsNotResponsible':
    case 'FollowUpRecorded':
    case 'RequestClosed':
    case 'PersonalDataErased':
    case 'DueTimeSet':
    case 'DeadlineApproaching':
    case 'DeadlineMissed':
    case 'RequestEscalated':
    case 'AnswerRated':
    case 'AnswerObjected':
    case 'ExtensionRequested':
    case 'ExtensionApproved':
    case 'ExtensionRefused':
    case 'InformationRequested':
    case 'InformationSupplied':
    case 'AttachmentAdded':
    case 'DeadlineResumed':
    case 'MergedAsDuplicate':
    case 'DuplicateAbsorbed':
    case 'LinkedToMatter':
    case 'SignatoryAdded':
    case 'DirectiveIssued':
    case 'DirectiveReported':
    case 'DirectiveOverdue':
      return event.data.at;
    default: {
      const _exhaustive: never = event;
      throw new Error(`not a request event: ${(_exhaustive as { type: string }).type}`);
    }
  }
};
