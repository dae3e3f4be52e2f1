import type { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import { currentRequestContext } from '../observability/request-context';

// Every line written while serving an HTTP call or a consumed event names its correlation id and trace.
function joinUp(): Record<string, string> {
  const correlationId = currentRequestContext()?.correlationId;
  const span = trace.getActiveSpan()?.spanContext();
  return {
    ...(correlationId && { correlationId }),
    ...(span && span.traceFlags & 1 && { traceId: span.traceId, spanId: span.spanId }),
  };
}

/** Structured JSON logs (one object per line) for NestJS and for our own code. */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  /** `instance` (SAMAD_INSTANCE_ID, e.g. `intake-2`) tells replicas of one service apart in the logs. */
  constructor(service: string, level = 'info', instance?: string) {
    this.pino = pino({
      level,
      base: { service, ...(instance && { instance }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: joinUp,
    });
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    if (typeof message === 'object' && message !== null && !(message instanceof Error))
      this.pino.error({ context, trace, ...message });
    else this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace', message: unknown, context?: string): void {
    if (typeof message === 'object' && message !== null) this.pino[level]({ context, ...message });
    else this.pino[level]({ context }, String(message));
  }
}
