import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  SERVICE_CONFIG,
  TooManyRequestsError,
  type LoginConfig,
  type ServiceConfig,
} from '@samad/service-kit';

interface Counts {
  by_user: string;
  by_client: string;
  user_retry: number | null;
  client_retry: number | null;
}

/**
 * Throttles password guessing per username and per client address, in PostgreSQL so every replica counts
 * the same attempts. Each attempt is recorded as a failure before the password is checked (so parallel
 * guesses are counted too) and forgiven when it succeeds.
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

  /** Records the attempt; 429 with Retry-After when the username or the client has failed too often. */
  async begin(username: string, clientIp: string): Promise<string> {
    const { failureWindowSeconds: window, maxFailuresPerUser, maxFailuresPerClient } = this.login;
    return this.dataSource.transaction(async (manager) => {
      // One attempt at a time per username, so concurrent guesses cannot all slip under the limit.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('samad-login:' || $1))`, [username]);
      await manager.query(
        `DELETE FROM intake.login_failures WHERE failed_at < now() - make_interval(secs => $1)`,
        [window],
      );
      const [{ id }] = (await manager.query(
        `INSERT INTO intake.login_failures (username, client_ip) VALUES ($1, $2) RETURNING id`,
        [username, clientIp],
      )) as { id: string }[];
      const counts = await this.counts(manager, username, clientIp, id);
      const userBlocked = Number(counts.by_user) > maxFailuresPerUser;
      const clientBlocked = Number(counts.by_client) > maxFailuresPerClient;
      if (!userBlocked && !clientBlocked) return id;
      // A refused attempt is not counted: the wait ends when the earlier failures leave the window.
      await manager.query(`DELETE FROM intake.login_failures WHERE id = $1`, [id]);
      const retryAfter = Math.max(
        userBlocked ? (counts.user_retry ?? 1) : 0,
        clientBlocked ? (counts.client_retry ?? 1) : 0,
        1,
      );
      throw new TooManyRequestsError(retryAfter, 'too many failed logins; try again later');
    });
  }

  /** A successful login forgives this username's failures. */
  async succeeded(username: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM intake.login_failures WHERE username = $1`, [username]);
  }

  // Counts failures in the window before and including this attempt; the retry is when the oldest that
  // still keeps the count at the limit leaves the window.
  private async counts(
    manager: EntityManager,
    username: string,
    clientIp: string,
    id: string,
  ): Promise<Counts> {
    const { failureWindowSeconds: window, maxFailuresPerUser, maxFailuresPerClient } = this.login;
    const [counts] = (await manager.query(
      `WITH recent AS (
         SELECT id, username, client_ip, failed_at FROM intake.login_failures
          WHERE failed_at > now() - make_interval(secs => $3) AND id <= $4 AND (username = $1 OR client_ip = $2))
       SELECT (SELECT count(*) FROM recent WHERE username = $1) AS by_user,
              (SELECT count(*) FROM recent WHERE client_ip = $2) AS by_client,
              (SELECT ceil(extract(epoch FROM failed_at + make_interval(secs => $3) - now()))::int
                 FROM recent WHERE username = $1 AND id < $4
                ORDER BY failed_at DESC, id DESC OFFSET $5 - 1 LIMIT 1) AS user_retry,
              (SELECT ceil(extract(epoch FROM failed_at + make_interval(secs => $3) - now()))::int
                 FROM recent WHERE client_ip = $2 AND id < $4
                ORDER BY failed_at DESC, id DESC OFFSET $6 - 1 LIMIT 1) AS client_retry`,
      [username, clientIp, window, id, maxFailuresPerUser, maxFailuresPerClient],
    )) as Counts[];
    return counts;
  }
}
