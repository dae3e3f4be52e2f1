import type { SmsSendResult } from './sms-gateway.port';

// Kavenegar's documented codes for "try again later" (409: the server cannot answer now) and throttling.
const retryableCodes = new Set([409, 429]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A status code as transient (5xx, 409, 429) or permanent (any other 4xx: key, line, receptor, credit…). */
export const failureOfStatus = (status: number): SmsSendResult & { ok: false } => ({
  ok: false,
  kind: status >= 500 || retryableCodes.has(status) ? 'transient' : 'permanent',
  reason: `kavenegar status ${status}`,
});

/**
 * Reads a Kavenegar `sms/send.json` answer: `{ return: { status, message }, entries: [{ messageid, … }] }`.
 * The body's `return.status` rules when present (Kavenegar repeats it as the HTTP status); a body that
 * cannot be read counts as transient, so the notice is tried again (at-least-once).
 */
export function classifyKavenegarAnswer(httpStatus: number, body: unknown): SmsSendResult {
  const returned = isObject(body) && isObject(body.return) ? body.return : undefined;
  const status = typeof returned?.status === 'number' ? returned.status : httpStatus;
  if (status !== 200) return failureOfStatus(status);
  if (httpStatus !== 200) return failureOfStatus(httpStatus);
  const entries = isObject(body) && Array.isArray(body.entries) ? body.entries : undefined;
  const first: unknown = entries?.[0];
  if (!isObject(first)) return { ok: false, kind: 'transient', reason: 'kavenegar answer without entries' };
  const id = first.messageid;
  return typeof id === 'number' || typeof id === 'string'
    ? { ok: true, messageId: String(id) }
    : { ok: true };
}

// Duck-typed: fetch's errors come from another realm under some runners, so `instanceof Error` may fail.
const nameOf = (error: unknown): string | undefined =>
  isObject(error) && typeof error.name === 'string' ? error.name : undefined;
const codeOf = (error: unknown): string | undefined => {
  if (!isObject(error)) return undefined;
  if (typeof error.code === 'string') return error.code;
  if (Array.isArray(error.errors)) return codeOf(error.errors[0]); // a refused connection on every address
  return codeOf(error.cause);
};

/** A request that never got an answer (refused connection, reset, timeout) is worth another try. */
export const failureOfTransport = (error: unknown): SmsSendResult & { ok: false } => {
  const name = nameOf(error);
  return {
    ok: false,
    kind: 'transient',
    reason:
      name === 'TimeoutError' || name === 'AbortError'
        ? 'kavenegar timeout'
        : `kavenegar unreachable (${codeOf(error) ?? 'network error'})`,
  };
};
