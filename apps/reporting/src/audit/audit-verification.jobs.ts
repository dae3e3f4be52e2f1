import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import {
  countStoreEvents,
  describeAuditProblem,
  loadAuditPublicKey,
  storeAuditLeaves,
  verifyStoreAgainstCheckpoints,
  type EventStore,
} from '@samad/event-store';
import { loadCheckpoints, loadLeafLog } from '@samad/reporting-read-model';
import { formatJalali } from '@samad/request-lifecycle';
import { EVENT_STORE } from '@samad/service-kit';

export type VerificationStatus = 'running' | 'passed' | 'failed' | 'abandoned';

export interface VerificationJob {
  id: string;
  status: VerificationStatus;
  requestedBy: string;
  total: number;
  checked: number;
  percent: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
  covered: number | null;
  checkpointSequence: number | null;
  problem: { kind: string; [field: string]: unknown } | null;
  description: { en: string; fa: string } | null;
  startedAt: string;
  startedAtJalali: string;
  finishedAt: string | null;
}

interface JobRow {
  id: string;
  requested_by: string;
  status: VerificationStatus;
  total: string;
  checked: string;
  covered: string | null;
  checkpoint_sequence: string | null;
  problem: (VerificationJob['problem'] & { description?: { en: string; fa: string } }) | null;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

// A running job not heard of for this long lost its process (a restart, a crash): it is reported abandoned.
const ABANDONED_AFTER_MS = 60_000;
const PROGRESS_EVERY_MS = 1_000;

/**
 * Whole-store verification as a background job (ADR 0030): the same check as `samad verify --all`, its
 * progress and outcome kept in reporting.audit_verifications so any replica answers about any job.
 */
@Injectable()
export class AuditVerificationJobs implements OnApplicationShutdown {
  private readonly logger = new Logger(AuditVerificationJobs.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async start(requestedBy: string): Promise<VerificationJob> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const id = randomUUID();
    const total = await countStoreEvents(this.store, pool);
    await this.dataSource.query(
      `INSERT INTO reporting.audit_verifications (id, requested_by, status, total) VALUES ($1, $2, 'running', $3)`,
      [id, requestedBy, total],
    );
    const run = this.run(id, pool).catch((error: Error) => {
      this.logger.error(`verification ${id} stopped: ${error.message}`);
      return this.finish(id, 'failed', { kind: 'error', message: error.message }, 0, null, null);
    });
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return (await this.find(id))!;
  }

  async find(id: string): Promise<VerificationJob | undefined> {
    const [row] = (await this.dataSource.query('SELECT * FROM reporting.audit_verifications WHERE id = $1', [
      id,
    ])) as JobRow[];
    return row && viewOf(row, new Date());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(id: string, pool: Pool): Promise<void> {
    let checked = 0;
    let lastWrite = Date.now();
    const result = await verifyStoreAgainstCheckpoints({
      events: storeAuditLeaves(this.store, pool),
      checkpoints: await loadCheckpoints(pool),
      leafLog: await loadLeafLog(pool),
      publicKey: loadAuditPublicKey(),
      onProgress: (n) => {
        checked = n;
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        void this.dataSource
          .query('UPDATE reporting.audit_verifications SET checked = $2, updated_at = now() WHERE id = $1', [
            id,
            checked,
          ])
          .catch(() => undefined);
      },
    });
    const sequence = result.checkpoint?.sequence ?? null;
    if (!result.ok) {
      const problem = result.problem!;
      const text = describeAuditProblem(problem);
      await this.finish(
        id,
        'failed',
        { ...problem, description: text },
        result.eventsChecked,
        null,
        sequence,
      );
      return;
    }
    // Events after the latest checkpoint are covered by their stream chains until the next one.
    const streams = await this.store.verifyAll();
    if (!streams.ok) {
      const link = streams.brokenLink;
      const what = `${link.streamId}@${link.revision} (${link.reason})`;
      const description = {
        en: `broken per-stream chain at ${what}`,
        fa: `زنجیرهٔ جریان در ${what} شکسته است`,
      };
      const problem = {
        kind: 'stream_broken',
        streamId: link.streamId,
        revision: link.revision.toString(),
        reason: link.reason,
        description,
      };
      await this.finish(id, 'failed', problem, result.eventsChecked, null, sequence);
      return;
    }
    await this.finish(id, 'passed', null, result.eventsChecked, result.covered, sequence);
  }

  private async finish(
    id: string,
    status: VerificationStatus,
    problem: object | null,
    checked: number,
    covered: number | null,
    sequence: number | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE reporting.audit_verifications
          SET status = $2, problem = $3, checked = GREATEST(checked, $4), covered = $5, checkpoint_sequence = $6,
              updated_at = now(), finished_at = now()
        WHERE id = $1`,
      [id, status, problem === null ? null : JSON.stringify(problem), checked, covered, sequence],
    );
  }
}

const viewOf = (row: JobRow, now: Date): VerificationJob => {
  const abandoned = row.status === 'running' && now.getTime() - row.updated_at.getTime() > ABANDONED_AFTER_MS;
  const total = Number(row.total);
  const checked = Number(row.checked);
  const seconds = Math.max(((row.finished_at ?? now).getTime() - row.started_at.getTime()) / 1000, 0.001);
  const eventsPerSecond = Math.round(checked / seconds);
  const { description = null, ...problem } = row.problem ?? {};
  return {
    id: row.id,
    status: abandoned ? 'abandoned' : row.status,
    requestedBy: row.requested_by,
    total,
    checked,
    percent: total === 0 ? 100 : Math.min(100, Math.floor((checked / total) * 100)),
    eventsPerSecond,
    etaSeconds:
      row.status === 'running' && !abandoned && eventsPerSecond > 0
        ? Math.ceil(Math.max(total - checked, 0) / eventsPerSecond)
        : null,
    covered: row.covered === null ? null : Number(row.covered),
    checkpointSequence: row.checkpoint_sequence === null ? null : Number(row.checkpoint_sequence),
    problem: row.problem ? (problem as VerificationJob['problem']) : null,
    description,
    startedAt: row.started_at.toISOString(),
    startedAtJalali: formatJalali(row.started_at),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
};
