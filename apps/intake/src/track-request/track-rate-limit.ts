import type { DataSource, EntityManager } from 'typeorm';
import { TooManyRequestsError, type TrackRateLimitConfig } from '@samad/service-kit';

type Scope = 'client' | 'code';

const WINDOW_SECONDS = 60;

// Expired rows are swept now and then, not on every lookup.
const SWEEP_EVERY = 50;

/** A proof attempt admitted against a tracking code; forgiven when the proof succeeds. */
export interface CodeAttempt {
  readonly forgive: () => Promise<void>;
}

/**
 * The status lookup is public, so guessing codes and last-four digits is limited twice, over a sliding
 * minute, in PostgreSQL so that every replica counts the same attempts: lookups per client address (one
 * caller trying many codes) and failed proofs per tracking code (many callers trying one code's last
 * four). An attempt refused by either limit is counted by neither, and a successful proof is forgiven, so
 * a client flooding a code cannot keep its owner out beyond the failed proofs it really made.
 */
export class TrackRateLimit {
  private lookups = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: TrackRateLimitConfig,
  ) {}

  /** Counts the lookup; 429 with Retry-After (and nothing counted) when the client or code is over its limit. */
  async admit(clientIp: string, trackingCode: string | undefined): Promise<CodeAttempt> {
    if (++this.lookups % SWEEP_EVERY === 0) {
      await this.dataSource.query(
        `DELETE FROM intake.track_lookups WHERE at < now() - make_interval(secs => $1)`,
        [WINDOW_SECONDS],
      );
    }
    const codeHit = await this.dataSource.transaction(async (manager) => {
      await this.hit(manager, 'client', clientIp.slice(0, 64), this.config.perClientPerMinute);
      // A malformed code proves nothing and answers 404 at once: no per-code limit to spend.
      if (trackingCode === undefined) return undefined;
      return this.hit(manager, 'code', trackingCode, this.config.perCodePerMinute);
    });
    return {
      forgive: async () => {
        if (codeHit !== undefined) {
          await this.dataSource.query(`DELETE FROM intake.track_lookups WHERE id = $1`, [codeHit]);
        }
      },
    };
  }

  /** Records a hit and answers its id, or throws 429 (the transaction, with any hit of it, rolls back). */
  private async hit(manager: EntityManager, scope: Scope, subject: string, limit: number): Promise<string> {
    // One admission at a time per subject, so parallel lookups on any replica cannot all slip under the limit.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('samad-track:' || $1 || ':' || $2))`, [
      scope,
      subject,
    ]);
    const [{ hits, retry }] = (await manager.query(
      `SELECT count(*)::int AS hits,
              ceil(extract(epoch FROM min(at) + make_interval(secs => $3) - now()))::int AS retry
         FROM intake.track_lookups
        WHERE scope = $1 AND subject = $2 AND at > now() - make_interval(secs => $3)`,
      [scope, subject, WINDOW_SECONDS],
    )) as { hits: number; retry: number | null }[];
    if (hits >= limit) {
      throw new TooManyRequestsError(
        Math.max(1, retry ?? 1),
        'too many status lookups; try again in a minute',
      );
    }
    const [{ id }] = (await manager.query(
      `INSERT INTO intake.track_lookups (scope, subject) VALUES ($1, $2) RETURNING id`,
      [scope, subject],
    )) as { id: string }[];
    return id;
  }
}
