// The command's database source: PostgreSQL read-only, the store itself (ADR 0030).
import type { Pool } from 'pg';
import {
  buildAuditBundle,
  countCommittedEvents,
  describeAuditProblem,
  loadAuditPublicKey,
  postgresAuditLeaves,
  PostgresEventStore,
  silentLogger,
  verifyStoreAgainstCheckpoints,
  type AuditBundle,
  type AuditLeafInput,
} from '@samad/event-store';
import {
  evolve,
  initialState,
  maskPersonalIdentifiers,
  parseTrackingCode,
  requestStreamName,
  type RequestEvent,
} from '@samad/request-lifecycle';
import { existedAt, type AsOf } from './as-of';
import { loadCheckpoints, loadLeafLog, openReadOnlyDatabase } from './audit-database';
import { UsageError, type CommandArgs } from './auditor-command';
import type { AuditEventView, AuditSource, StoreCheck, StreamCheck, VerifyProgress } from './audit-source';
import { english, persian, type Messages } from './messages';
import { readRequestEvents } from './read-request';

const streamOf = (rawCode: string | undefined): string => {
  if (!rawCode) throw new UsageError('a tracking code is required');
  try {
    return requestStreamName(parseTrackingCode(rawCode, 'code'));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};

export class PostgresAuditSource implements AuditSource {
  private constructor(
    private readonly pool: Pool,
    private readonly args: CommandArgs,
    private readonly messages: Messages,
  ) {}

  static open(args: CommandArgs, messages: Messages): PostgresAuditSource {
    return new PostgresAuditSource(openReadOnlyDatabase(args), args, messages);
  }

  async history(rawCode: string | undefined, asOf?: AsOf) {
    const { code, events } = await readRequestEvents(this.pool, rawCode, this.messages);
    const shown = asOf ? events.filter((event) => existedAt(event, asOf)) : events;
    const views: AuditEventView[] = shown.map((e) => ({
      revision: e.streamRevision.toString(),
      type: e.type,
      recordedAt: e.recordedAt,
      position: `${e.position.commit}:${e.position.prepare}`,
      actor: e.metadata.actor ?? null,
      hash: e.hash,
      data: maskPersonalIdentifiers(e.data),
    }));
    return { code, events: views };
  }

  async state(rawCode: string | undefined, asOf: AsOf) {
    const { code, events } = await readRequestEvents(this.pool, rawCode, this.messages);
    // Sealed personal fields stay sealed: the state is about what happened, not who asked.
    const state = events
      .filter((event) => existedAt(event, asOf))
      .reduce((s, e) => evolve(s, { type: e.type, data: e.data } as RequestEvent), initialState());
    return { code, state: state.status === 'not_registered' ? undefined : maskPersonalIdentifiers(state) };
  }

  async verifyStream(rawCode: string | undefined): Promise<StreamCheck> {
    const streamId = streamOf(rawCode);
    const store = new PostgresEventStore({ pool: this.pool, logger: silentLogger });
    const result = await store.verifyStream(streamId).finally(() => store.close());
    return result.ok
      ? { ok: true, streamId, eventsChecked: result.eventsChecked }
      : { ok: false, streamId, revision: result.brokenLink.revision.toString() };
  }

  async verifyAll(onProgress: VerifyProgress): Promise<StoreCheck> {
    const total = await countCommittedEvents(this.pool);
    const started = Date.now();
    onProgress(0, total, 0, null);
    const result = await verifyStoreAgainstCheckpoints({
      events: postgresAuditLeaves(this.pool),
      checkpoints: await loadCheckpoints(this.pool),
      leafLog: await loadLeafLog(this.pool),
      publicKey: loadAuditPublicKey(this.args.options['public-key'] as string | undefined),
      onProgress: (n) => {
        if (n % 500 !== 0) return;
        const speed = Math.round(n / Math.max((Date.now() - started) / 1000, 0.001));
        onProgress(n, total, speed, speed > 0 ? Math.ceil(Math.max(total - n, 0) / speed) : null);
      },
    });
    if (!result.ok) return { ok: false, description: describeAuditProblem(result.problem!) };
    // Events after the latest checkpoint are covered by their stream chains until the next one.
    const store = new PostgresEventStore({ pool: this.pool, logger: silentLogger });
    const streams = await store.verifyAll().finally(() => store.close());
    if (!streams.ok) {
      const link = streams.brokenLink;
      const what = `${link.streamId}@${link.revision} (${link.reason})`;
      return { ok: false, description: { en: english.streamBroken(what), fa: persian.streamBroken(what) } };
    }
    const checkpoint = result.checkpoint!;
    return {
      ok: true,
      eventsChecked: result.eventsChecked,
      covered: result.covered,
      sequence: checkpoint.sequence,
      issuedAt: checkpoint.issuedAt,
    };
  }

  async bundle(rawCode: string | undefined): Promise<AuditBundle> {
    const streamId = streamOf(rawCode);
    const checkpoints = await loadCheckpoints(this.pool);
    const checkpoint = checkpoints[checkpoints.length - 1];
    if (!checkpoint) throw new UsageError(this.messages.problem.no_checkpoint({}));
    const covered: AuditLeafInput[] = [];
    for await (const event of postgresAuditLeaves(this.pool)) {
      if (covered.length === checkpoint.treeSize) break;
      covered.push(event);
    }
    return buildAuditBundle({
      streamId,
      coveredEvents: covered,
      checkpoint,
      publicKey: loadAuditPublicKey(this.args.options['public-key'] as string | undefined),
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
