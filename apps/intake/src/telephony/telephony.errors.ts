/** Errors whose `code` the problem catalog maps to Problem Details (ADR 12, ADR 45). */
export class TelephonyError extends Error {
  constructor(
    readonly code: 'TELEPHONY_KEY_INVALID' | 'EXTENSION_NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}
