import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { principalOf } from '../auth/auth.guard';
import { correlationIdFrom, runWithRequestContext } from './request-context';
import type { SamadMetrics } from './samad-metrics';
import { contextFrom, samadTracer, SpanKind } from './tracing';

const correlations = new WeakMap<Request, string>();

/** The correlation id of this HTTP call (the caller's X-Request-Id when well-formed, else minted once). */
export const correlationIdOf = (request: Request): string | undefined => correlations.get(request);

// The route template, never the path itself: paths hold tracking codes, and labels must stay few.
const routeOf = (request: Request): string =>
  request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';

/**
 * One middleware for what every HTTP call leaves behind: its correlation id (response header, every log line
 * and event it causes), a server span continuing the caller's traceparent, a duration in the histogram, and
 * one access-log line (method, route, status, duration, actor id and role; no path, query or body).
 */
export function observeHttp(metrics: SamadMetrics, log: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const correlationId = correlationIdFrom(
      request.header('x-request-id'),
      request.header('x-correlation-id'),
    );
    correlations.set(request, correlationId);
    response.setHeader('X-Request-Id', correlationId);
    const started = process.hrtime.bigint();
    const parent = contextFrom(request.headers as Record<string, unknown>);
    const span = samadTracer().startSpan(
      `HTTP ${request.method}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } },
      parent,
    );
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request);
      const status = response.statusCode;
      metrics.httpRequestDuration.observe({ method: request.method, route, status_code: status }, seconds);
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const actor = principalOf(request);
      runWithRequestContext({ correlationId }, () =>
        log.info(
          {
            context: 'http',
            method: request.method,
            route,
            status,
            durationMs: Math.round(seconds * 1000),
            ...(actor && { actor: { id: actor.id, role: actor.role } }),
          },
          'request',
        ),
      );
    });
    runWithRequestContext({ correlationId }, () => context.with(trace.setSpan(parent, span), () => next()));
  };
}
