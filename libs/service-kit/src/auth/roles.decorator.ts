import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { tokenRoles, type TokenRole } from './principal';

export const ROLES_KEY = 'samad:roles';
export const PUBLIC_KEY = 'samad:public';

/** Roles a caller's token must carry to reach the handler (any one of them); the OpenAPI document names them. */
export const Roles = (...roles: TokenRole[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiExtension('x-samad-roles', roles),
    ApiUnauthorizedResponse({
      description:
        'No access token, or an invalid or expired one (Problem Details; WWW-Authenticate: Bearer)',
    }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')} (Problem Details)` }),
  );

/** Any signed-in role: reference data every screen needs. */
export const AnyRole = () => Roles(...tokenRoles);

/** No token needed: health, docs, login and the citizen's own status lookup. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
