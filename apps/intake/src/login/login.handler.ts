import { Inject, Injectable } from '@nestjs/common';
import { InvalidCredentialsError } from '@samad/service-kit';
import { isDemoUsername } from './demo-users';
import { LoginThrottle } from './login-throttle';
import type { LoginResponse } from './login.response.dto';
import { hashPassword, verifyPassword } from './password-hash';
import { SessionStore } from './session-store';
import { TokenGrant } from './token-grant';

export { TOKEN_ISSUER } from './token-issuer.token';
/** Whether demo users are refused at sign-in (NODE_ENV=production). */
export const REFUSE_DEMO_USERS = Symbol('REFUSE_DEMO_USERS');

// Checked against when the username is unknown, so a miss costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

@Injectable()
export class LoginHandler {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenGrant,
    @Inject(REFUSE_DEMO_USERS) private readonly refuseDemoUsers: boolean,
  ) {}

  async execute(username: string, password: string, clientIp: string): Promise<LoginResponse> {
    const name = username.trim().toLowerCase();
    const attempt = await this.throttle.begin(name, clientIp);
    const user = await this.tokens.findUser(name);
    decoyHash ??= hashPassword('samad-decoy');
    const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
    // In production a demo user's row (left by an earlier demo run) is refused like a wrong password.
    const demoRefused = this.refuseDemoUsers && isDemoUsername(name);
    const active = matches && !demoRefused ? this.tokens.activeUser(user) : undefined;
    if (!active) {
      await this.throttle.failed(attempt);
      throw new InvalidCredentialsError();
    }
    await this.throttle.succeeded(name, clientIp);
    const { sessionId, refreshToken } = await this.sessions.start(active.username);
    return this.tokens.grant(active, sessionId, refreshToken);
  }
}
