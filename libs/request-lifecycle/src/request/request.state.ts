import type { CampaignLetter, DirectiveIssuerRole, RegisteredCitizen } from './request.events';
import type {
  RequestPriority,
  AnswerOutcome,
  CloseReason,
  EscalationLevel,
  RequestChannel,
  RequestKind,
  RequestStatus,
  RoutingOrigin,
} from './request.vocabulary';

/** A stream with no events yet. */
export interface NotRegisteredRequest {
  readonly status: 'not_registered';
}

/** What the decider needs to know about a registered request; rebuilt from its stream by evolve. */
export interface RegisteredRequest {
  readonly status: RequestStatus;
  readonly trackingCode: string;
  readonly kind: RequestKind;
  readonly channel: RequestChannel;
  readonly collective: boolean;
  /** Erased citizens read `{ erased: true, ... null }`, whether the fact is recorded yet or the key is simply gone. */
  readonly citizens: readonly RegisteredCitizen[];
  readonly countyCode: string;
  readonly categoryCode: string;
  readonly description: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
  readonly campaign?: CampaignLetter;
  /** Ids of the files attached so far (ADR 29). */
  readonly attachmentIds?: readonly string[];
  readonly priority: RequestPriority;
  /** The agency holding the request (routed/acknowledged/referred), or the one that answered it. */
  readonly agencyCode?: string;
  readonly dueAt?: string;
  /** The deadline running now (set with dueAt; cleared with it): what the watcher has recorded about it. */
  readonly deadline?: {
    readonly startedAt: string;
    readonly approachingAt?: string;
    readonly missedAt?: string;
    readonly escalationLevel?: EscalationLevel;
  };
  readonly routedBy?: RoutingOrigin;
  readonly ruleId?: string;
  readonly routedAt?: string;
  readonly acknowledgedAt?: string;
  readonly referral?: {
    readonly unit?: string;
    readonly toStaff?: string;
    readonly note?: string;
    readonly at: string;
  };
  readonly manualRoutingReason?: string;
  /** Agencies that returned it as not theirs, oldest first: routing rules skip them. */
  readonly returnedBy: readonly string[];
  readonly lastReturn?: { readonly agencyCode: string; readonly reason: string; readonly at: string };
  readonly answer?: { readonly agencyCode: string; readonly outcome: AnswerOutcome; readonly text: string };
  readonly answeredAt?: string;
  readonly followUpCount: number;
  readonly lastFollowUp?: { readonly note: string; readonly channel: RequestChannel; readonly at: string };
  /** Indexes into `citizens` whose PersonalDataErased fact is recorded; absent until the first one. */
  readonly erasedCitizens?: readonly number[];
  /** The citizen's verdict on the answer given at `answeredAt` (a reopen and a new answer allow a new one). */
  readonly verdict?: {
    readonly answeredAt: string;
    readonly rating?: number;
    readonly objected?: boolean;
    readonly at: string;
  };
  /** How many times the citizen objected to an answer on this request. */
  readonly objections?: number;
  /** The extension waiting for a supervisor (at most one), and every extension's outcome by id. */
  readonly pendingExtension?: {
    readonly extensionId: string;
    readonly agencyCode: string;
    readonly proposedDueAt: string;
  };
  readonly extensionOutcomes?: Readonly<Record<string, 'approved' | 'refused'>>;
  /** Asked of the citizen: paused until `suppliedAt`; cleared when the watcher resumes the clock. */
  readonly informationRequest?: { readonly requestedAt: string; readonly suppliedAt?: string };
  /** Requests merged into this one as duplicates (their lookups point here). */
  readonly absorbed?: readonly string[];
  /** The collective matter this request belongs to (ADR 27). */
  readonly matterId?: string;
  /** Directives given on this request by id (ADR 37): open until the agency reports. */
  readonly directives?: Readonly<Record<string, RequestDirective>>;
  readonly closure?: {
    readonly reason: CloseReason;
    readonly duplicateOf?: string;
    readonly note?: string;
    readonly article?: { readonly articleId: string; readonly version: number };
    readonly at: string;
  };
}

/** A directive as the decider and the watcher need it; its instruction and report stay in the stream. */
export interface RequestDirective {
  readonly agencyCode: string;
  readonly dueAt: string;
  readonly issuedBy: string;
  readonly role: DirectiveIssuerRole;
  readonly issuedAt: string;
  readonly reportedAt?: string;
  readonly overdueAt?: string;
}

export type RequestState = NotRegisteredRequest | RegisteredRequest;

export const isRegistered = (state: RequestState): state is RegisteredRequest =>
  state.status !== 'not_registered';
