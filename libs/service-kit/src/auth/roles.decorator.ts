import { SetMetadata } from '@nestjs/common';
import type { ActorRole } from '@samad/events';

export const ROLES_KEY = 'samad:roles';
export const PUBLIC_KEY = 'samad:public';

/** Roles a caller's token must carry to reach the handler (any one of them). */
export const Roles = (...roles: ActorRole[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed: health, docs, login and the citizen's own status lookup. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
