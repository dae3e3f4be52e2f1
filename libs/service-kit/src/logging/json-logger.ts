import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Structured JSON logs (one object per line) for NestJS and for our own code. */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  /** `instance` (SAMAD_INSTANCE_ID, e.g. `intake-2`) tells replicas of one service apart in the logs. */
  constructor(service: string, level = 'info', instance?: string) {
    this.pino = pino({
      level,
      base: { service, ...(instance && { instance }) },
      timestamp: pino.stdTimeFunctions.isoTime,
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
