// The library's only logging dependency: anything with these three methods (a pino child adapts in one line).
export interface EventStoreLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const consoleLogger: EventStoreLogger = {
  info: (message, context) => console.info(`[event-store] ${message}`, context ?? ''),
  warn: (message, context) => console.warn(`[event-store] ${message}`, context ?? ''),
  error: (message, context) => console.error(`[event-store] ${message}`, context ?? ''),
};

export const silentLogger: EventStoreLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
