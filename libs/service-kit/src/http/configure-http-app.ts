import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { ServiceConfig } from '../config/service-config';
import { JsonLogger } from '../logging/json-logger';
import { observeHttp } from '../observability/observe-http';
import { SamadMetrics } from '../observability/samad-metrics';
import { ProblemDetailsFilter } from './problem-details.filter';
import { samadValidationPipe } from './validation.pipe';

// JSON APIs load nothing, so their pages may do nothing; Swagger UI at /docs needs its own scripts and styles.
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
  },
});
// Helmet's defaults, without upgrade-insecure-requests so the docs also load over plain HTTP on a dev box.
const docsHeaders = helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } });

const isDocs = (path: string): boolean => path === '/docs' || path.startsWith('/docs/');

function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  // Answers carry personal data: no shared or browser cache keeps them.
  if (request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
  (isDocs(request.path) ? docsHeaders : apiHeaders)(request, response, next);
}

/** The HTTP conventions every Samad service shares, applied the same way in production and in tests. */
export function configureHttpApp(app: INestApplication, config: ServiceConfig): INestApplication {
  const express = app as NestExpressApplication;
  // Behind the cluster's ingress the client's address is in X-Forwarded-For; believe only that many proxies.
  express.set('trust proxy', config.http.trustProxyHops);
  // First, so the correlation id, the span and the access log cover everything after it, refusals included.
  const accessLog = new JsonLogger(config.service, config.logLevel, process.env.SAMAD_INSTANCE_ID).pino;
  express.use(observeHttp(app.get(SamadMetrics), accessLog));
  express.use(securityHeaders);
  if (config.http.corsOrigins.length > 0) {
    express.enableCors({
      origin: config.http.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'X-Correlation-Id',
        'X-Request-Id',
        'traceparent',
      ],
      exposedHeaders: ['Location', 'Retry-After', 'Idempotent-Replayed', 'WWW-Authenticate', 'X-Request-Id'],
      maxAge: 600,
    });
  }
  express.useBodyParser('json', { limit: config.http.bodyLimit });
  express.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(samadValidationPipe());
  return app;
}
