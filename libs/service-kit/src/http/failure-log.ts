import { failureKind } from '../failures/failure-kind';

// Citizens' data never reaches the logs: quoted values, long digit runs (national codes, mobiles) and any
// non-ASCII text (Persian names, Persian digits) are cut out of messages and stacks before logging.
const redact = (text: string): string =>
  text
    .replace(/"[^"\n]*"|'[^'\n]*'/g, '"…"')
    .replace(/\d{6,}/g, '…')
    .replace(/[^\t\n -~]+/g, '…');

const fieldOf = (error: unknown, key: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;

/** What is safe and useful to log about a failure: its kind, name, code, message and stack, redacted. */
export function describeFailure(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error))
    return { kind: failureKind(error), value: redact(String(error)).slice(0, 200) };
  const code = fieldOf(error, 'code');
  const cause = fieldOf(error, 'driverError') ?? fieldOf(error, 'cause');
  return {
    kind: failureKind(error),
    name: error.name,
    ...(typeof code === 'string' && { code }),
    message: redact(error.message),
    ...(depth === 0 && error.stack && { stack: redact(error.stack) }),
    ...(cause !== undefined && depth < 3 && { cause: describeFailure(cause, depth + 1) }),
  };
}
