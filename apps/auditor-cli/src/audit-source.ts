// Where the command reads from (ADR 0030): the database read-only, or reporting's HTTP API with an auditor
// token (--api / SAMAD_API_URL and --token / SAMAD_API_TOKEN). The commands only see this port.
import type { AuditBundle, EventActor } from '@samad/event-store';
import type { CommandArgs } from './auditor-command';
import type { AsOf } from './as-of';
import type { Messages } from './messages';

/** One event as the auditor sees it, whichever the source (identifiers already masked). */
export interface AuditEventView {
  readonly revision: string;
  readonly type: string;
  readonly recordedAt: Date;
  /** `commit:prepare` */
  readonly position: string;
  readonly actor: EventActor | null;
  readonly hash: string;
  readonly data: unknown;
}

export type StreamCheck =
  | { readonly ok: true; readonly streamId: string; readonly eventsChecked: number }
  | { readonly ok: false; readonly streamId: string; readonly revision: string };

/** Whole-store verification's outcome; a failure carries its description in both languages. */
export type StoreCheck =
  | {
      readonly ok: true;
      readonly eventsChecked: number;
      readonly covered: number;
      readonly sequence: number;
      readonly issuedAt: string;
    }
  | { readonly ok: false; readonly description: { readonly en: string; readonly fa: string } };

/** Progress of a whole-store verification: events checked of total, events/s, seconds left (if known). */
export type VerifyProgress = (
  checked: number,
  total: number,
  eventsPerSecond: number,
  etaSeconds: number | null,
) => void;

export interface AuditSource {
  /** The request's events in stream order, up to the moment (masked). */
  history(rawCode: string | undefined, asOf?: AsOf): Promise<{ code: string; events: AuditEventView[] }>;
  /** The request folded by the decider's evolve as it stood then; undefined before it was registered. */
  state(rawCode: string | undefined, asOf: AsOf): Promise<{ code: string; state: unknown }>;
  verifyStream(rawCode: string | undefined): Promise<StreamCheck>;
  verifyAll(onProgress: VerifyProgress): Promise<StoreCheck>;
  bundle(rawCode: string | undefined): Promise<AuditBundle>;
  close(): Promise<void>;
}

/** The HTTP API when --api or SAMAD_API_URL is given, otherwise the database. */
export const openAuditSource = async (args: CommandArgs, messages: Messages): Promise<AuditSource> => {
  const api = (args.options.api as string | undefined) ?? process.env.SAMAD_API_URL;
  if (api) {
    const { HttpAuditSource } = await import('./http-audit-source');
    return HttpAuditSource.open(api, args, messages);
  }
  const { PostgresAuditSource } = await import('./postgres-audit-source');
  return PostgresAuditSource.open(args, messages);
};
