import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidCredentialsError, isTokenRole } from '@samad/service-kit';
import { isDemoUsername } from './demo-users';
import { LoginThrottle } from './login-throttle';
import type { LoginResponse } from './login.response.dto';
import { hashPassword, verifyPassword } from './password-hash';
import { TokenIssuer } from './token-issuer';

interface UserRow {
  username: string;
  password_hash: string;
  role: string;
  agency_code: string | null;
  disabled: boolean;
}

export const TOKEN_ISSUER = Symbol('TOKEN_ISSUER');
/** Whether demo users are refused at sign-in (NODE_ENV=production). */
export const REFUSE_DEMO_USERS = Symbol('REFUSE_DEMO_USERS');

// Checked against when the username is unknown, so a miss costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

@Injectable()
export class LoginHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
    @Inject(TOKEN_ISSUER) private readonly issuer: TokenIssuer,
    @Inject(REFUSE_DEMO_USERS) private readonly refuseDemoUsers: boolean,
  ) {}

  async execute(username: string, password: string, clientIp: string): Promise<LoginResponse> {
    const name = username.trim().toLowerCase();
    await this.throttle.begin(name, clientIp);
    const [user] = (await this.dataSource.query(
      `SELECT username, password_hash, role, agency_code, disabled FROM intake.users WHERE username = $1`,
      [name],
    )) as UserRow[];
    decoyHash ??= hashPassword('samad-decoy');
    const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
    // In production a demo user's row (left by an earlier demo run) is refused like a wrong password.
    const refused = user?.disabled || (this.refuseDemoUsers && isDemoUsername(name));
    if (!user || !matches || refused || !isTokenRole(user.role)) throw new InvalidCredentialsError();
    await this.throttle.succeeded(name);
    const agencyCode = user.agency_code ?? undefined;
    const { accessToken, expiresIn } = await this.issuer.issue({
      username: user.username,
      role: user.role,
      agencyCode,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn,
      role: user.role,
      ...(agencyCode && { agencyCode }),
    };
  }
}
