import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AnyRole, RevocationList, verifiedTokenOf } from '@samad/service-kit';
import { SessionStore } from '../login/session-store';

@ApiTags('auth')
@Controller('api/auth')
export class LogoutHttpController {
  constructor(
    private readonly revocations: RevocationList,
    private readonly sessions: SessionStore,
  ) {}

  @Post('logout')
  @AnyRole()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: revoke this access token and end its session',
    description:
      'The token’s id goes on the deny-list every service reads, and the session’s refresh tokens stop ' +
      'working. Every replica of every service refuses the token within AUTH_REVOCATION_CACHE_MS (≤ 5 s).',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@Req() request: Request): Promise<void> {
    // The guard has verified the token, so it is there and carries a jti (local tokens always do).
    const token = verifiedTokenOf(request)!;
    if (token.tokenId) await this.revocations.revokeToken(token.tokenId, token.expiresAt);
    if (token.sessionId) await this.sessions.end(token.sessionId, 'logout');
  }
}
