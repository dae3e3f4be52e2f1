import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SERVICE_CONFIG,
  TooManyRequestsError,
  type LoginConfig,
  type ServiceConfig,
} from '@samad/service-kit';
import { waitAfterFailures } from './login-delay';

/** A username's standing with the throttle, for the administrator's list. */
export interface FailureStanding {
  /** Some client must still wait before trying this username again. */
  locked: boolean;
  /** Failures still counted, from every client. */
  failures: number;
}

interface Recent {
  pair_count: string;
  pair_wait: number | null;
  client_count: string;
  client_wait: number | null;
}

/**
 * Slows password guessing per username *and client together*, plus a looser limit per client, in
 * PostgreSQL (schema auth) so every replica counts the same attempts. Past the limit each further attempt
 * must wait 2^k seconds (2, 4, 8, …) after the last failure (capped) — a delay, never a lock: failures from one client
 * do not keep the user out from another, so nobody can lock an account by guessing its password.
 */
@Injectable()
export class LoginThrottle {
  private readonly login: LoginConfig;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.login = config.login!;
  }

  /** Records the attempt as a failure (forgiven on success); 429 with Retry-After while it must wait. */
  async begin(username: string, clientIp: string): Promise<string> {
    const {
      failureWindowSeconds: window,
      maxFailuresPerPair,
      maxFailuresPerClient,
      maxDelaySeconds,
    } = this.login;
    return this.dataSource.transaction(async (manager) => {
      // One attempt at a time per pair, so concurrent guesses cannot all slip under the limit.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('samad-login:' || $1 || ' ' || $2))`, [
        username,
        clientIp,
      ]);
      await manager.query(
        `DELETE FROM auth.login_failures WHERE failed_at < now() - make_interval(secs => $1)`,
        [window],
      );
      // Seconds still to wait after the last failure; the waits double past each limit, up to the cap.
      const [recent] = (await manager.query(
        `WITH pair AS (SELECT count(*) AS n, max(failed_at) AS last FROM auth.login_failures
                        WHERE username = $1 AND client_ip = $2),
              client AS (SELECT count(*) AS n, max(failed_at) AS last FROM auth.login_failures
                          WHERE client_ip = $2)
         SELECT pair.n AS pair_count, extract(epoch FROM now() - pair.last)::float8 AS pair_wait,
                client.n AS client_count, extract(epoch FROM now() - client.last)::float8 AS client_wait
           FROM pair, client`,
        [username, clientIp],
      )) as Recent[];
      const retryAfter = Math.max(
        waitAfterFailures(Number(recent.pair_count), recent.pair_wait, maxFailuresPerPair, maxDelaySeconds),
        waitAfterFailures(
          Number(recent.client_count),
          recent.client_wait,
          maxFailuresPerClient,
          maxDelaySeconds,
        ),
      );
      // A refused attempt is not counted, so waiting it out is all a client has to do.
      if (retryAfter > 0) {
        throw new TooManyRequestsError(retryAfter, 'too many failed logins; try again later');
      }
      const [{ id }] = (await manager.query(
        `INSERT INTO auth.login_failures (username, client_ip) VALUES ($1, $2) RETURNING id`,
        [username, clientIp],
      )) as { id: string }[];
      return id;
    });
  }

  /** The attempt failed: the wait counts from now, when the answer goes out, not from when it began. */
  async failed(attemptId: string): Promise<void> {
    await this.dataSource.query(`UPDATE auth.login_failures SET failed_at = now() WHERE id = $1`, [
      attemptId,
    ]);
  }

  /** A successful login forgives this username's failures from this client only. */
  async succeeded(username: string, clientIp: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM auth.login_failures WHERE username = $1 AND client_ip = $2`, [
      username,
      clientIp,
    ]);
  }

  /** An administrator's unlock: forgets every failure of this username, from every client. */
  async unlock(username: string): Promise<number> {
    const [, affected] = (await this.dataSource.query(`DELETE FROM auth.login_failures WHERE username = $1`, [
      username,
    ])) as [unknown, number];
    return affected;
  }

  /** Each username's failures still counted and whether some client must wait: one grouped query. */
  async standingOf(usernames: readonly string[]): Promise<Map<string, FailureStanding>> {
    const { failureWindowSeconds, maxFailuresPerPair, maxDelaySeconds } = this.login;
    const rows = (await this.dataSource.query(
      `SELECT username, count(*)::int AS failures, extract(epoch FROM now() - max(failed_at))::float8 AS since
         FROM auth.login_failures
        WHERE username = ANY($1) AND failed_at >= now() - make_interval(secs => $2)
        GROUP BY username, client_ip`,
      [usernames, failureWindowSeconds],
    )) as { username: string; failures: number; since: number }[];
    const standing = new Map<string, FailureStanding>();
    for (const row of rows) {
      const wait = waitAfterFailures(row.failures, row.since, maxFailuresPerPair, maxDelaySeconds);
      const known = standing.get(row.username) ?? { locked: false, failures: 0 };
      standing.set(row.username, {
        locked: known.locked || wait > 0,
        failures: known.failures + row.failures,
      });
    }
    return standing;
  }
}
