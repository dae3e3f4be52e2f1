import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line and event caused by one HTTP call (or one consumed event) carries. */
export interface RequestContext {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the HTTP call or consumed event this code runs for, if any. */
export const currentRequestContext = (): RequestContext | undefined => storage.getStore();

export const runWithRequestContext = <T>(context: RequestContext, work: () => T): T =>
  storage.run(context, work);

// Letters, digits and - _ . : only, 8 to 128 of them: a caller's id may land in logs and events, so nothing else.
const acceptable = /^[\w.:-]{8,128}$/;

/** The caller's request id when well-formed, otherwise a fresh one. */
export function correlationIdFrom(...given: (string | undefined)[]): string {
  for (const value of given) {
    const trimmed = value?.trim();
    if (trimmed && acceptable.test(trimmed)) return trimmed;
  }
  return randomUUID();
}
