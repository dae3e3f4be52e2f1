import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { describeFailure } from './failure-log';
import { problemFor } from './problem-catalog';

/** Answers every HTTP failure as Problem Details through the one table in problem-catalog.ts. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void | Observable<never> {
    // Not an HTTP request (a message handler): its own transport decides what a failure means.
    if (host.getType() !== 'http') return throwError(() => error);
    const { problem, headers, log } = problemFor(error);
    const request = host.switchToHttp().getRequest<Request>();
    if (log) {
      // The route pattern, not the URL: a query string may carry a national code or a mobile.
      const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? '(no route)'}`;
      const entry = { msg: 'request failed', status: problem.status, route, failure: describeFailure(error) };
      if (log === 'error') this.logger.error(entry);
      else this.logger.warn(entry);
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(problem.status).type('application/problem+json').json(problem);
  }
}
