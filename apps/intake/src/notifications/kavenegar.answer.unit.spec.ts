import { classifyKavenegarAnswer, failureOfStatus, failureOfTransport } from './kavenegar.answer';
import { afterAttempt, retryDelayMs } from './sending-policy';

const accepted = {
  return: { status: 200, message: 'تایید شد' },
  entries: [{ messageid: 8792343, status: 1, statustext: 'در صف ارسال', receptor: '09123456789' }],
};

describe('Kavenegar answers', () => {
  it('reads an accepted send with its message id', () => {
    expect(classifyKavenegarAnswer(200, accepted)).toEqual({ ok: true, messageId: '8792343' });
  });

  it.each([400, 401, 403, 411, 412, 418])(
    'treats %i (parameters, key, line, receptor, credit) as permanent',
    (status) => {
      expect(classifyKavenegarAnswer(status, { return: { status, message: '…' }, entries: null })).toEqual({
        ok: false,
        kind: 'permanent',
        reason: `kavenegar status ${status}`,
      });
    },
  );

  it.each([500, 502, 503, 504, 409, 429])('treats %i as transient', (status) => {
    expect(failureOfStatus(status).kind).toBe('transient');
    expect(classifyKavenegarAnswer(status, { return: { status, message: '…' } })).toMatchObject({
      ok: false,
      kind: 'transient',
    });
  });

  it('lets return.status rule over an HTTP 200 that carries a refusal', () => {
    expect(classifyKavenegarAnswer(200, { return: { status: 411, message: '…' } })).toMatchObject({
      kind: 'permanent',
    });
  });

  it('tries again when an accepted answer cannot be read', () => {
    expect(classifyKavenegarAnswer(200, { return: { status: 200 } })).toMatchObject({ kind: 'transient' });
    expect(classifyKavenegarAnswer(200, 'not json')).toMatchObject({ kind: 'transient' });
  });

  it('treats a timeout and a refused connection as transient, naming no value', () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    expect(failureOfTransport(timeout)).toEqual({
      ok: false,
      kind: 'transient',
      reason: 'kavenegar timeout',
    });
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(failureOfTransport(refused)).toEqual({
      ok: false,
      kind: 'transient',
      reason: 'kavenegar unreachable (ECONNREFUSED)',
    });
  });
});

describe('sending policy', () => {
  const policy = { retryInitialMs: 1000, retryMaxMs: 8000, maxAttempts: 5 };

  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 40].map((attempt) => retryDelayMs(attempt, policy))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('retries transient failures, parks permanent ones and those past the last attempt', () => {
    const transient = { ok: false, kind: 'transient', reason: 'kavenegar status 503' } as const;
    const permanent = { ok: false, kind: 'permanent', reason: 'kavenegar status 411' } as const;
    expect(afterAttempt({ ok: true }, 1, policy)).toEqual({ next: 'done' });
    expect(afterAttempt(transient, 2, policy)).toEqual({ next: 'retry', inMs: 2000 });
    expect(afterAttempt(transient, 5, policy)).toEqual({ next: 'park' });
    expect(afterAttempt(permanent, 1, policy)).toEqual({ next: 'park' });
  });
});

describe('Kavenegar unreachable', () => {
  it('names the socket error code of a dropped connection and of a refusal on every address', () => {
    const dropped = {
      name: 'TypeError',
      message: 'fetch failed',
      cause: { name: 'SocketError', code: 'UND_ERR_SOCKET' },
    };
    expect(failureOfTransport(dropped).reason).toBe('kavenegar unreachable (UND_ERR_SOCKET)');
    const refused = {
      name: 'TypeError',
      cause: { name: 'AggregateError', errors: [{ code: 'ECONNREFUSED' }] },
    };
    expect(failureOfTransport(refused).reason).toBe('kavenegar unreachable (ECONNREFUSED)');
  });
});
