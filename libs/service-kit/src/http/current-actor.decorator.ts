import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ActorRole } from '@samad/events';
import { principalOf } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { correlationIdOf } from '../observability/observe-http';
import { correlationIdFrom } from '../observability/request-context';

export interface ActorIdentity {
  id: string;
  role: ActorRole;
}

function requirePrincipal(context: ExecutionContext): Principal {
  const principal = principalOf(context.switchToHttp().getRequest<Request>());
  // Only a route behind the guard has a caller; asking on a @Public() route is a programming error.
  if (!principal) throw new Error('no authenticated caller on this route (is it @Public()?)');
  return principal;
}

/** Who is acting, for event metadata: the verified token's subject and role. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): ActorIdentity => {
  const { id, role } = requirePrincipal(context);
  return { id, role };
});

/** The verified caller with its agency binding, for endpoints that scope what they show. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  requirePrincipal(context),
);

/**
 * Correlates everything one HTTP call causes: the one id observeHttp settled for the call (the caller's
 * X-Request-Id or X-Correlation-Id when well-formed, else minted once), the same on every use.
 */
export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  return (
    correlationIdOf(request) ??
    correlationIdFrom(request.header('x-request-id'), request.header('x-correlation-id'))
  );
});
