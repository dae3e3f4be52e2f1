import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { describeFailure, problemFor } from '@samad/service-kit';
import { Open311Error, sendErrors, type Open311Format } from './open311-format';

// Samad's field paths, renamed to the Open311 parameters a client sent.
const parameterOf: Record<string, string> = {
  'citizens[0].nationalCode': 'attribute[national_code]',
  'citizens[0].fullName': 'first_name/last_name',
  'citizens[0].mobile': 'phone',
  description: 'description',
  note: 'description',
};

const formatFromPath = (request: Request): Open311Format =>
  /\.xml(\?|$)/i.test(request.path) ? 'xml' : 'json';

/**
 * Every failure under /open311/v2 in the spec's error shape. Samad's own failures (validation, domain
 * errors, rate limits, outages) keep their status through the one table in problem-catalog.ts.
 */
@Catch()
export class Open311ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const format = formatFromPath(request);
    if (error instanceof Open311Error) {
      for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
      return sendErrors(response, format, error.status, error.description);
    }
    const { problem, headers, log } = problemFor(error);
    if (log || problem.status >= 500) {
      const entry = {
        msg: 'open311 request failed',
        status: problem.status,
        failure: describeFailure(error),
      };
      if (log === 'warn') this.logger.warn(entry);
      else this.logger.error(entry);
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const fields = (problem.errors ?? []).map((e) => `${parameterOf[e.field] ?? e.field}: ${e.message}`);
    const description =
      fields.length > 0 ? `${problem.code}: ${fields.join('; ')}` : `${problem.code}: ${problem.title}`;
    sendErrors(response, format, problem.status, description);
  }
}
