import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidCredentialsError, isTokenRole } from '@samad/service-kit';
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

// Checked against when the username is unknown, so a miss costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

@Injectable()
export class LoginHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
    @Inject(TOKEN_ISSUER) private readonly issuer: TokenIssuer,
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
    if (!user || !matches || user.disabled || !isTokenRole(user.role)) throw new InvalidCredentialsError();
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
