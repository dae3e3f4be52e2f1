import type {
  AnswerOutcome,
  CloseReason,
  RequestChannel,
  RequestKind,
  RequestPriority,
  RoutingOrigin,
  VerdictChannel,
} from './request.vocabulary';
import type { CampaignLetter, DirectiveIssuerRole } from './request.events';

/** Emmett-style command: imperative. `now` is passed in by the handler; the decider never reads a clock. */
export type DomainCommand<Type extends string, Data extends object> = Readonly<{
  type: Type;
  data: Readonly<Data & { trackingCode: string; now: Date }>;
  metadata?: Readonly<Record<string, unknown>>;
}>;

/** As typed by the operator: decide normalises digits, Arabic letters and phone formats. */
export interface CitizenInput {
  /** Required, except on channel `web`: absent (or null/empty) there, the citizen is registered by mobile (ADR 39). */
  readonly nationalCode?: string | null;
  readonly fullName: string;
  readonly mobile: string;
}

export type RegisterRequest = DomainCommand<
  'RegisterRequest',
  {
    kind: RequestKind;
    channel: RequestChannel;
    /** جمعی: several citizens (at least two); individual requests have exactly one. */
    collective: boolean;
    citizens: readonly CitizenInput[];
    countyCode: string;
    categoryCode: string;
    description: string;
    /** The operator (or `web`) who registered it. */
    registeredBy: string;
    /** Checked against the campaign table by intake before the command is built (ADR 28). */
    campaign?: CampaignLetter;
    /** Answered on the call from a published knowledge-base article: registered and closed at once (ADR 36). */
    answeredAtFirstContact?: { articleId: string; version: number };
    /** The operator's judgement; absent, the category's default. */
    priority?: RequestPriority;
    /** Required when `priority` differs from `defaultPriority`. */
    priorityReason?: string;
    /** The category's default priority (reference data), looked up by the handler; absent, `normal`. */
    defaultPriority?: RequestPriority;
    /**
     * An agency's manager at the centre took the caller and answered in person (ADR 38): registered, routed
     * to the manager's agency and answered in one append. `dueAt` is the deadline it would have had.
     */
    answeredInPerson?: AnsweredInPerson;
  }
>;

/**
 * The manager's answer given with the registration (the manager is `registeredBy`); the handler checks the
 * agency is routed the category and computes the due date as routing would have.
 */
export interface AnsweredInPerson {
  readonly agencyCode: string;
  readonly outcome: AnswerOutcome;
  readonly text: string;
  readonly dueAt: Date;
}

/** Content checked and stored by the caller; the stream records what it was, never the bytes. */
export type AddAttachment = DomainCommand<
  'AddAttachment',
  { attachmentId: string; contentType: string; size: number; sha256: string; addedBy: string }
>;

export type RouteToAgency = DomainCommand<
  'RouteToAgency',
  {
    agencyCode: string;
    /** Computed by the caller (addWorkingDays with the category's deadline and the holiday calendar). */
    dueAt: Date;
    routedBy: RoutingOrigin;
    ruleId?: string;
  }
>;

export type MarkAwaitingManualRouting = DomainCommand<'MarkAwaitingManualRouting', { reason: string }>;

export type Acknowledge = DomainCommand<'Acknowledge', { agencyCode: string }>;

export type ReferInsideAgency = DomainCommand<
  'ReferInsideAgency',
  { agencyCode: string; unit?: string; toStaff?: string; note?: string }
>;

export type ReturnAsNotResponsible = DomainCommand<
  'ReturnAsNotResponsible',
  { agencyCode: string; reason: string }
>;

export type Answer = DomainCommand<
  'Answer',
  {
    agencyCode: string;
    outcome: AnswerOutcome;
    text: string;
    /** The answer template used, recorded on the answer (ADR 36). */
    template?: { templateId: string; version: number };
  }
>;

export type RecordFollowUp = DomainCommand<'RecordFollowUp', { note: string; channel: RequestChannel }>;

export type Close = DomainCommand<'Close', { reason: CloseReason; duplicateOf?: string; note?: string }>;

/**
 * Records that one citizen's personal data on this request is erased (the key is already destroyed by the
 * personal-data vault). `citizenIndex` points into the registration's citizens. Allowed in every status.
 */
export type ErasePersonalData = DomainCommand<'ErasePersonalData', { citizenIndex: number }>;

/** A supervisor sets or shortens the due time of the deadline running now, giving the reason. */
export type SetDueTime = DomainCommand<'SetDueTime', { dueAt: Date; reason: string; setBy: string }>;

// The deadline watcher's commands name the deadline they are about by its due time: a stale one is refused.
export type RecordDeadlineApproaching = DomainCommand<'RecordDeadlineApproaching', { dueAt: Date }>;
export type RecordDeadlineMissed = DomainCommand<'RecordDeadlineMissed', { dueAt: Date }>;
/** Level 2 (the governor's inspection office); level 1 comes with the missed deadline itself. */
export type EscalateToInspection = DomainCommand<'EscalateToInspection', { dueAt: Date }>;

/**
 * The citizen's verdict on the answer on record, within `windowDays` of it (configuration, passed in by the
 * handler): a rating 1–5 with an optional comment (free text, sealed like the others).
 */
export type RateAnswer = DomainCommand<
  'RateAnswer',
  { rating: number; comment?: string; windowDays: number; givenBy: VerdictChannel }
>;

/** The citizen objects to the answer: it reopens to the same agency, due at `dueAt` (computed by the caller). */
export type ObjectToAnswer = DomainCommand<
  'ObjectToAnswer',
  { reason?: string; dueAt: Date; windowDays: number; givenBy: VerdictChannel }
>;
// Extensions and information requests (issue 10, items 5 and 6; ADR 24).

/** Agency staff ask for more time on a request their agency holds; `extensionId` is chosen by the caller. */
export type RequestExtension = DomainCommand<
  'RequestExtension',
  { agencyCode: string; extensionId: string; proposedDueAt: Date; reason: string; requestedBy: string }
>;
/** A supervisor grants the pending extension: the proposed date, or the one given here. */
export type ApproveExtension = DomainCommand<
  'ApproveExtension',
  { extensionId: string; dueAt?: Date; decidedBy: string }
>;
export type RefuseExtension = DomainCommand<
  'RefuseExtension',
  { extensionId: string; reason: string; decidedBy: string }
>;
/** Agency staff ask the citizen for more information: the clock pauses until it is supplied. */
export type RequestInformation = DomainCommand<
  'RequestInformation',
  { agencyCode: string; question: string; requestedBy: string }
>;
/** The operator records what the citizen supplied (by phone, or in person). */
export type SupplyInformation = DomainCommand<
  'SupplyInformation',
  { information: string; suppliedBy: string }
>;
/** The watcher moves the due date by the paused working time; `dueAt` is the new one (the calendar's). */
export type ResumeDeadline = DomainCommand<'ResumeDeadline', { dueAt: Date }>;

// Duplicates, collective matters and growing collective requests (issue 11, items 1–3; ADR 27).

/** A supervisor closes this request as a duplicate of `survivorCode`; its citizens follow the survivor. */
export type MergeAsDuplicate = DomainCommand<'MergeAsDuplicate', { survivorCode: string; mergedBy: string }>;
/** The surviving request records that `absorbedCode` was merged into it. */
export type AbsorbDuplicate = DomainCommand<'AbsorbDuplicate', { absorbedCode: string; mergedBy: string }>;
/** A supervisor links the request to a collective matter (similar requests, answered once). */
export type LinkToMatter = DomainCommand<'LinkToMatter', { matterId: string; linkedBy: string }>;
/** Another citizen signs an open collective request; validated like the registration's citizens. */
export type AddSignatory = DomainCommand<'AddSignatory', { citizen: CitizenInput; addedBy: string }>;

// Officials' directives (ADR 37).

/** A supervisor or an official instructs the agency on this request; `directiveId` is chosen by the caller. */
export type IssueDirective = DomainCommand<
  'IssueDirective',
  {
    directiveId: string;
    agencyCode: string;
    instruction: string;
    dueAt: Date;
    issuedBy: string;
    role: DirectiveIssuerRole;
  }
>;
/** The bound agency reports what it did about the directive. */
export type ReportOnDirective = DomainCommand<
  'ReportOnDirective',
  { agencyCode: string; directiveId: string; report: string; reportedBy: string }
>;
/** The watcher records a directive past its due time without a report (named by its due time). */
export type MarkDirectiveOverdue = DomainCommand<
  'MarkDirectiveOverdue',
  { directiveId: string; dueAt: Date }
>;

export type RequestCommand =
  | RegisterRequest
  | RouteToAgency
  | MarkAwaitingManualRouting
  | Acknowledge
  | ReferInsideAgency
  | ReturnAsNotResponsible
  | Answer
  | RecordFollowUp
  | Close
  | ErasePersonalData
  | SetDueTime
  | RecordDeadlineApproaching
  | RecordDeadlineMissed
  | EscalateToInspection
  | RateAnswer
  | ObjectToAnswer
  | RequestExtension
  | ApproveExtension
  | RefuseExtension
  | RequestInformation
  | SupplyInformation
  | ResumeDeadline
  | MergeAsDuplicate
  | AbsorbDuplicate
  | LinkToMatter
  | AddSignatory
  | AddAttachment
  | IssueDirective
  | ReportOnDirective
  | MarkDirectiveOverdue;

export type RequestCommandType = RequestCommand['type'];
