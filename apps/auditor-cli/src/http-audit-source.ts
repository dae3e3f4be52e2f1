// The command's HTTP source: reporting's auditor endpoints with a bearer token (ADR 0030). What the API
// answers is what the database mode prints; a refused call names the Problem Details code and its message.
import type { AuditBundle, EventActor } from '@samad/event-store';
import { parseTrackingCode } from '@samad/request-lifecycle';
import type { AsOf } from './as-of';
import { UsageError, type CommandArgs } from './auditor-command';
import type { AuditSource, StoreCheck, StreamCheck, VerifyProgress } from './audit-source';
import { english, persian, type Messages } from './messages';

/** The API refused or failed a call: printed as `HTTP 403 FORBIDDEN: …` without a stack, exit code 1. */
export class ApiProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    text: string,
  ) {
    super(`HTTP ${status} ${code}: ${text}`);
  }
}

interface HistoryBody {
  streamId: string;
  events: {
    revision: number;
    type: string;
    recordedAt: string;
    actor: EventActor | null;
    position: { commit: string; prepare: string };
    hash: string;
    data: unknown;
  }[];
  verification: { ok: boolean; eventsChecked: number; brokenLink?: { revision: string } };
}

interface JobBody {
  id: string;
  status: 'running' | 'passed' | 'failed' | 'abandoned';
  total: number;
  checked: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
  covered: number | null;
  checkpointSequence: number | null;
  description: { en: string; fa: string } | null;
}

const POLL_EVERY_MS = 500;
const CALL_TIMEOUT_MS = 60_000;

const codeOf = (rawCode: string | undefined): string => {
  if (!rawCode) throw new UsageError('a tracking code is required');
  try {
    return parseTrackingCode(rawCode, 'code');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};

export class HttpAuditSource implements AuditSource {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly messages: Messages,
  ) {}

  static open(api: string, args: CommandArgs, messages: Messages): HttpAuditSource {
    const token = (args.options.token as string | undefined) ?? process.env.SAMAD_API_TOKEN;
    if (!token) throw new UsageError(messages.tokenRequired);
    return new HttpAuditSource(api.replace(/\/+$/, ''), token, messages);
  }

  async history(rawCode: string | undefined, asOf?: AsOf) {
    const code = codeOf(rawCode);
    const body = await this.call<HistoryBody>('GET', `/api/requests/${code}/history${this.query(asOf)}`);
    return {
      code,
      events: body.events.map((e) => ({
        revision: String(e.revision),
        type: e.type,
        recordedAt: new Date(e.recordedAt),
        position: `${e.position.commit}:${e.position.prepare}`,
        actor: e.actor,
        hash: e.hash,
        data: e.data,
      })),
    };
  }

  async state(rawCode: string | undefined, asOf: AsOf) {
    const code = codeOf(rawCode);
    const query = this.query(asOf);
    const body = await this.call<{ registered: boolean; state: unknown }>(
      'GET',
      `/api/requests/${code}/state${query}`,
    );
    return { code, state: body.registered ? body.state : undefined };
  }

  async verifyStream(rawCode: string | undefined): Promise<StreamCheck> {
    const code = codeOf(rawCode);
    const body = await this.call<HistoryBody>('GET', `/api/requests/${code}/history`);
    const v = body.verification;
    return v.ok
      ? { ok: true, streamId: body.streamId, eventsChecked: v.eventsChecked }
      : { ok: false, streamId: body.streamId, revision: v.brokenLink?.revision ?? '?' };
  }

  async verifyAll(onProgress: VerifyProgress): Promise<StoreCheck> {
    let job = await this.call<JobBody>('POST', '/api/audit/verifications');
    onProgress(job.checked, job.total, job.eventsPerSecond, job.etaSeconds);
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
      job = await this.call<JobBody>('GET', `/api/audit/verifications/${job.id}`);
      onProgress(job.checked, job.total, job.eventsPerSecond, job.etaSeconds);
    }
    if (job.status === 'abandoned')
      return {
        ok: false,
        description: { en: english.jobAbandoned(job.id), fa: persian.jobAbandoned(job.id) },
      };
    if (job.status === 'failed') {
      return { ok: false, description: job.description ?? { en: 'unknown problem', fa: 'مشکل نامعلوم' } };
    }
    const sequence = job.checkpointSequence!;
    const page = await this.call<{ items: { sequence: number; issuedAt: string }[] }>(
      'GET',
      '/api/audit/checkpoints?pageSize=200',
    );
    const checkpoint = page.items.find((c) => c.sequence === sequence);
    return {
      ok: true,
      eventsChecked: job.checked,
      covered: job.covered ?? 0,
      sequence,
      issuedAt: checkpoint?.issuedAt ?? '?',
    };
  }

  async bundle(rawCode: string | undefined): Promise<AuditBundle> {
    return this.call<AuditBundle>('GET', `/api/requests/${codeOf(rawCode)}/bundle`);
  }

  async close(): Promise<void> {}

  /** Only moments travel over HTTP: a position (commit:prepare) is the database's own coordinate. */
  private query(asOf: AsOf | undefined): string {
    if (!asOf) return '';
    if ('position' in asOf) throw new UsageError(this.messages.positionNeedsDatabase);
    return `?asOf=${encodeURIComponent(asOf.label)}`;
  }

  private async call<T>(method: string, path: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const problem = (body ?? {}) as { code?: string; title?: string; detail?: string };
      const message = [problem.title, problem.detail].filter(Boolean).join(' — ') || res.statusText;
      const hint = res.status === 401 || res.status === 403 ? ` (${this.messages.tokenHint})` : '';
      throw new ApiProblemError(res.status, problem.code ?? `HTTP_${res.status}`, `${message}${hint}`);
    }
    return body as T;
  }
}
