import { Injectable } from '@nestjs/common';
import { AuthenticationError } from '@samad/service-kit';
import type { LoginResponse } from '../login/login.response.dto';
import { SessionStore } from '../login/session-store';
import { TokenGrant } from '../login/token-grant';

const refusals = {
  unknown: 'the refresh token is not valid',
  ended: 'the session has ended; sign in again',
  reused: 'the refresh token was already used; the session has been ended, sign in again',
} as const;

/** Exchanges a refresh token for a new access token and the session's next refresh token. */
@Injectable()
export class RefreshTokenHandler {
  constructor(
    private readonly sessions: SessionStore,
    private readonly tokens: TokenGrant,
  ) {}

  async execute(refreshToken: string): Promise<LoginResponse> {
    const rotation = await this.sessions.rotate(refreshToken);
    if (rotation.outcome !== 'rotated') throw new AuthenticationError('invalid', refusals[rotation.outcome]);
    // The user's current standing decides: a disabled user or a changed role gets no new token.
    const user = this.tokens.activeUser(await this.tokens.findUser(rotation.username));
    if (!user) {
      await this.sessions.end(rotation.sessionId, 'user disabled');
      throw new AuthenticationError('invalid', refusals.ended);
    }
    return this.tokens.grant(user, rotation.sessionId, rotation.refreshToken);
  }
}
