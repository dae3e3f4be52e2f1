import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isTokenRole, type TokenRole } from '@samad/service-kit';
import type { LoginResponse } from './login.response.dto';
import { SessionStore } from './session-store';
import { TOKEN_ISSUER } from './token-issuer.token';
import type { TokenIssuer } from './token-issuer';

export interface UserRow {
  username: string;
  password_hash: string;
  role: string;
  agency_code: string | null;
  disabled: boolean;
}

export interface ActiveUser {
  username: string;
  role: TokenRole;
  agencyCode?: string;
}

/** The answer to a sign-in or a refresh: a short access token and the session's next refresh token. */
@Injectable()
export class TokenGrant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    @Inject(TOKEN_ISSUER) private readonly issuer: TokenIssuer,
  ) {}

  async findUser(username: string): Promise<UserRow | undefined> {
    const [user] = (await this.dataSource.query(
      `SELECT username, password_hash, role, agency_code, disabled FROM intake.users WHERE username = $1`,
      [username],
    )) as UserRow[];
    return user;
  }

  /** The user as they may act now; undefined when disabled or holding no Samad role. */
  activeUser(user: UserRow | undefined): ActiveUser | undefined {
    if (!user || user.disabled || !isTokenRole(user.role)) return undefined;
    return { username: user.username, role: user.role, agencyCode: user.agency_code ?? undefined };
  }

  async grant(user: ActiveUser, sessionId: string, refreshToken: string): Promise<LoginResponse> {
    const { accessToken, expiresIn } = await this.issuer.issue({ ...user, sessionId });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn,
      refreshToken,
      refreshExpiresIn: this.sessions.refreshTtlSeconds,
      role: user.role,
      ...(user.agencyCode && { agencyCode: user.agencyCode }),
    };
  }
}
