import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ActorRole } from '@samad/events';

export interface ActorIdentity {
  id: string;
  role: ActorRole;
}

/**
 * Who is acting, for event metadata. Until token authentication lands (issue #5) the caller names
 * itself with `X-Samad-Actor: <id>`; the role is the one the endpoint serves.
 */
export const CurrentActor = createParamDecorator(
  (role: ActorIdentity['role'], context: ExecutionContext): ActorIdentity => {
    const request = context.switchToHttp().getRequest<Request>();
    const claimed = request.header('x-samad-actor')?.trim();
    return { id: claimed && /^[\w.@-]{1,64}$/.test(claimed) ? claimed : `anonymous-${role}`, role };
  },
);

/** Correlates everything one HTTP call causes; accepts the caller's X-Correlation-Id when well-formed. */
export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  const given = request.header('x-correlation-id')?.trim();
  return given && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
});
