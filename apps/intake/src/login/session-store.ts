import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SERVICE_CONFIG, type LoginConfig, type ServiceConfig } from '@samad/service-kit';

export interface StartedSession {
  sessionId: string;
  refreshToken: string;
}

/** What exchanging a refresh token came to. */
export type Rotation =
  | { outcome: 'rotated'; username: string; sessionId: string; refreshToken: string }
  | { outcome: 'unknown' | 'ended' | 'reused' };

const digest = (token: string): Buffer => createHash('sha256').update(token).digest();
const newRefreshToken = (): string => randomBytes(32).toString('base64url');

/**
 * Sign-in sessions and their refresh tokens (schema auth). A refresh token is opaque and random; only its
 * SHA-256 is stored. Each use rotates it; presenting one already rotated means it was copied, so the whole
 * session (every refresh token and access token of it) is ended.
 */
@Injectable()
export class SessionStore {
  private readonly login: LoginConfig;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.login = config.login!;
  }

  get refreshTtlSeconds(): number {
    return this.login.refreshTtlSeconds;
  }

  async start(username: string): Promise<StartedSession> {
    const sessionId = randomUUID();
    const refreshToken = newRefreshToken();
    await this.dataSource.transaction(async (manager) => {
      // Sessions long over are swept here, by the sign-ins that make new ones.
      await manager.query(`DELETE FROM auth.sessions WHERE expires_at < now() - interval '1 day'`);
      await manager.query(
        `INSERT INTO auth.sessions (session_id, username, expires_at)
         VALUES ($1, $2, now() + make_interval(secs => $3))`,
        [sessionId, username, this.login.refreshTtlSeconds],
      );
      await manager.query(`INSERT INTO auth.refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [
        digest(refreshToken),
        sessionId,
      ]);
    });
    return { sessionId, refreshToken };
  }

  async rotate(refreshToken: string): Promise<Rotation> {
    return this.dataSource.transaction(async (manager): Promise<Rotation> => {
      const [row] = (await manager.query(
        `SELECT s.session_id, s.username, t.rotated_at IS NOT NULL AS rotated,
                s.revoked_at IS NOT NULL OR s.expires_at <= now() AS ended
           FROM auth.refresh_tokens t JOIN auth.sessions s USING (session_id)
          WHERE t.token_hash = $1
            FOR UPDATE OF t, s`,
        [digest(refreshToken)],
      )) as { session_id: string; username: string; rotated: boolean; ended: boolean }[];
      if (!row) return { outcome: 'unknown' };
      if (row.ended) return { outcome: 'ended' };
      if (row.rotated) {
        await manager.query(
          `UPDATE auth.sessions SET revoked_at = now(), revoked_because = 'refresh token reused'
            WHERE session_id = $1`,
          [row.session_id],
        );
        return { outcome: 'reused' };
      }
      const next = newRefreshToken();
      await manager.query(`UPDATE auth.refresh_tokens SET rotated_at = now() WHERE token_hash = $1`, [
        digest(refreshToken),
      ]);
      await manager.query(`INSERT INTO auth.refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [
        digest(next),
        row.session_id,
      ]);
      return { outcome: 'rotated', username: row.username, sessionId: row.session_id, refreshToken: next };
    });
  }

  /** Ends a session: its refresh tokens stop working and its access tokens are refused by every service. */
  async end(sessionId: string, because: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth.sessions SET revoked_at = now(), revoked_because = $2
        WHERE session_id = $1 AND revoked_at IS NULL`,
      [sessionId, because],
    );
  }

  /**
   * Ends every open session of a user (a changed user: disabled, another role or agency, a new password),
   * but `keep`: their refresh tokens stop at once, their access tokens within AUTH_REVOCATION_CACHE_MS.
   */
  async endAllOf(
    username: string,
    because: string,
    keep?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [, ended] = (await manager.query(
      `UPDATE auth.sessions SET revoked_at = now(), revoked_because = $2
        WHERE username = $1 AND revoked_at IS NULL AND expires_at > now()
          AND session_id IS DISTINCT FROM $3`,
      [username, because, keep ?? null],
    )) as [unknown, number];
    return ended;
  }
}
