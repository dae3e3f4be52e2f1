import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@samad/service-kit';
import { JwksHttpController } from './jwks.http.controller';
import { LoginHandler, REFUSE_DEMO_USERS, TOKEN_ISSUER } from './login.handler';
import { LoginHttpController } from './login.http.controller';
import { LoginThrottle } from './login-throttle';
import { TokenIssuer } from './token-issuer';
import { SessionStore } from './session-store';
import { TokenGrant } from './token-grant';
import { LogoutHttpController } from '../logout/logout.http.controller';
import { RefreshTokenHandler } from '../refresh-token/refresh-token.handler';
import { RefreshTokenHttpController } from '../refresh-token/refresh-token.http.controller';
import { UnlockUserHttpController } from '../unlock-user/unlock-user.http.controller';
import { ManageUsersHttpController } from '../manage-users/manage-users.http.controller';
import { UserDirectory } from '../manage-users/user-directory';

/**
 * Intake's own sign-in and its public key set. Absent when the services trust the province's identity
 * provider instead (AUTH_JWKS_URL): people then sign in there.
 */
@Module({})
export class LoginModule {
  static register(config: ServiceConfig): DynamicModule {
    if (!config.login) return { module: LoginModule };
    // Read now, before Nest starts, so a missing key stops intake with a configuration error.
    const issuer = TokenIssuer.create(config.auth, config.login);
    return {
      module: LoginModule,
      controllers: [
        LoginHttpController,
        JwksHttpController,
        RefreshTokenHttpController,
        LogoutHttpController,
        UnlockUserHttpController,
        ManageUsersHttpController,
      ],
      providers: [
        { provide: TOKEN_ISSUER, useValue: issuer },
        { provide: REFUSE_DEMO_USERS, useValue: config.production },
        LoginThrottle,
        SessionStore,
        TokenGrant,
        LoginHandler,
        RefreshTokenHandler,
        UserDirectory,
      ],
    };
  }
}
