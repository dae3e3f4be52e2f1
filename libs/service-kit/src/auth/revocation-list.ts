import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG } from '../service-tokens';
import type { ServiceConfig } from '../config/service-config';
import { RecentAnswers } from './recent-answers';

/**
 * The deny-list every service consults (schema auth): a token is revoked when its jti was logged out or
 * its session (claim sid) was ended. Answers are cached per token for AUTH_REVOCATION_CACHE_MS (≤ 5 s),
 * so a revoked token is refused by every replica of every service within that bound.
 */
@Injectable()
export class RevocationList {
  private readonly recent: RecentAnswers<boolean>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.recent = new RecentAnswers(10_000, config.auth.revocationCacheMs);
  }

  async isRevoked(tokenId: string, sessionId: string | undefined): Promise<boolean> {
    // A token's jti and sid never change, so the jti alone keys the answer.
    const known = this.recent.get(tokenId);
    if (known !== undefined) return known;
    const [{ revoked }] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM auth.revoked_tokens WHERE jti = $1)
           OR EXISTS (SELECT 1 FROM auth.sessions WHERE session_id = $2 AND revoked_at IS NOT NULL)
           AS revoked`,
      [tokenId, sessionId ?? null],
    )) as { revoked: boolean }[];
    // A logout on this replica while the query ran has the last word: never cache "good" over it.
    if (this.recent.get(tokenId) === true) return true;
    this.recent.set(tokenId, revoked);
    return revoked;
  }

  /** Revokes one access token until it would have expired anyway. */
  async revokeToken(tokenId: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM auth.revoked_tokens WHERE expires_at < now()`);
    await this.dataSource.query(
      `INSERT INTO auth.revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING`,
      [tokenId, expiresAt],
    );
    // This replica refuses it at once; others within the cache bound.
    this.recent.set(tokenId, true);
  }
}
