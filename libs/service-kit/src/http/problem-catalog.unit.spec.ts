import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import { KafkaJSConnectionError } from 'kafkajs';
import {
  DuplicateEventIdError,
  InvalidAppendError,
  NotSupportedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@samad/event-store';
import { DomainError, domainErrorCategories, type DomainErrorCode } from '@samad/request-lifecycle';
import {
  AccessDeniedError,
  AuthenticationError,
  IdentityProviderUnavailableError,
  InvalidCredentialsError,
} from '../auth/auth.errors';
import { describeFailure } from './failure-log';
import { DEPENDENCY_RETRY_AFTER_SECONDS, problemFor } from './problem-catalog';
import { ClientProblem, InputValidationError } from './problem-details';
import { TooManyRequestsError } from './too-many-requests.error';

const coded = (message: string, code: string): Error => Object.assign(new Error(message), { code });
const SECRET = 'relation intake.idempotency_keys at /srv/samad/dist/x.js password=hunter2';

describe('the Problem Details table', () => {
  it.each(Object.entries(domainErrorCategories) as [DomainErrorCode, string][])(
    'answers the domain code %s (%s) with its status and code',
    (code, category) => {
      const { problem, log } = problemFor(new DomainError(code, 'پیام برای کاربر'));
      const status = { invalid: 400, not_found: 404, forbidden: 404, conflict: 409 }[category];
      expect(problem).toEqual({
        type: `urn:samad:problem:${code.toLowerCase().replace(/_/g, '-')}`,
        title: 'پیام برای کاربر',
        status,
        code,
      });
      expect(log).toBeUndefined();
    },
  );

  it('names a domain error’s field with bracketed indexes', () => {
    const { problem } = problemFor(new DomainError('INVALID_MOBILE', 'not a mobile', 'citizens[1].mobile'));
    expect(problem.errors).toEqual([{ field: 'citizens[1].mobile', message: 'not a mobile' }]);
  });

  it('gives a client problem its field and detail, and nothing of an unlisted code', () => {
    const refused = new ClientProblem('UNKNOWN_AGENCY', 'unknown agency code NOPE', {
      field: 'agencyCode',
      detail: 'see GET /api/routing/agencies',
    });
    expect(problemFor(refused).problem).toEqual({
      type: 'urn:samad:problem:unknown-agency',
      title: 'چنین دستگاهی نیست (no such agency)',
      status: 400,
      code: 'UNKNOWN_AGENCY',
      detail: 'see GET /api/routing/agencies',
      errors: [{ field: 'agencyCode', message: 'unknown agency code NOPE' }],
    });
    const unlisted = problemFor(new ClientProblem('NOT_IN_THE_CATALOG', SECRET, { detail: SECRET }));
    expect(unlisted.problem.status).toBe(500);
    expect(JSON.stringify(unlisted.problem)).not.toContain('hunter2');
  });

  it.each<[string, unknown, number, string]>([
    [
      'bad input',
      new InputValidationError([{ field: 'description', message: 'required' }]),
      400,
      'INVALID_INPUT',
    ],
    [
      'a reused idempotency key',
      coded('used for another body', 'IDEMPOTENCY_KEY_REUSED'),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    ],
    [
      'another agency’s inbox',
      coded('no such inbox', 'AGENCY_INBOX_NOT_FOUND'),
      404,
      'AGENCY_INBOX_NOT_FOUND',
    ],
    ['a missing stream', new StreamNotFoundError('request-1234567890'), 404, 'STREAM_NOT_FOUND'],
    [
      'a concurrent writer',
      new WrongExpectedVersionError('request-1', 3n, 4n),
      409,
      'WRONG_EXPECTED_VERSION',
    ],
    ['data the store refuses', new InvalidAppendError('request-1', SECRET), 400, 'INVALID_APPEND'],
    [
      'verification the store cannot do',
      new NotSupportedError('verifyStream', 'eventstoredb', SECRET),
      501,
      'NOT_SUPPORTED',
    ],
    ['a taken username', coded('the username x is taken', 'USERNAME_TAKEN'), 409, 'USERNAME_TAKEN'],
    [
      'an administrator demoting themself',
      coded('no', 'CANNOT_CHANGE_OWN_ACCESS'),
      409,
      'CANNOT_CHANGE_OWN_ACCESS',
    ],
    ['an unknown user', coded('no user x', 'USER_NOT_FOUND'), 404, 'USER_NOT_FOUND'],
    ['no token', new AuthenticationError('missing', 'no bearer token'), 401, 'UNAUTHENTICATED'],
    ['a wrong password', new InvalidCredentialsError(), 401, 'INVALID_CREDENTIALS'],
    ['a role that may not', new AccessDeniedError('operators may not'), 403, 'FORBIDDEN'],
    ['throttling', new TooManyRequestsError(30), 429, 'TOO_MANY_REQUESTS'],
    ['an unknown route', new NotFoundException('Cannot GET /api/nothing'), 404, 'NOT_FOUND'],
    [
      'a body over the limit',
      Object.assign(new Error('request entity too large'), {
        status: 413,
        expose: true,
        type: 'entity.too.large',
      }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a body that is not JSON',
      new BadRequestException('Unexpected end of JSON input'),
      400,
      'MALFORMED_REQUEST',
    ],
  ])('answers %s with its listed status and code', (_what, error, status, code) => {
    const { problem } = problemFor(error);
    expect(problem).toMatchObject({
      status,
      code,
      type: `urn:samad:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(JSON.stringify(problem)).not.toContain('request-1');
  });

  it('sends the challenge and Retry-After headers that go with 401 and 429', () => {
    expect(problemFor(new AuthenticationError('missing', 'no token')).headers).toEqual({
      'WWW-Authenticate': 'Bearer realm="samad"',
    });
    expect(
      problemFor(new AuthenticationError('expired', 'token "expired"')).headers['WWW-Authenticate'],
    ).toBe('Bearer realm="samad", error="invalid_token", error_description="token expired"');
    expect(problemFor(new TooManyRequestsError(30)).headers).toEqual({ 'Retry-After': '30' });
  });

  it.each<[string, unknown]>([
    ['a refused connection', coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a cut connection', new Error('Connection terminated unexpectedly')],
    ['a database shutting down', coded('terminating connection due to administrator command', '57P01')],
    ['a serialization failure', coded('could not serialize access', '40001')],
    ['an unreachable broker', new KafkaJSConnectionError('Connection error: connect ECONNREFUSED')],
    ['a wrapped outage', Object.assign(new Error('query failed'), { driverError: coded('x', 'ECONNRESET') })],
    ['the identity provider away', new IdentityProviderUnavailableError('jwks fetch failed')],
  ])('answers %s with 503 and Retry-After, saying nothing internal', (_what, error) => {
    const { problem, headers, log } = problemFor(error);
    expect(problem.status).toBe(503);
    expect(headers['Retry-After']).toBe(String(DEPENDENCY_RETRY_AFTER_SECONDS));
    expect(problem.detail).toBeUndefined();
    expect(JSON.stringify(problem)).not.toMatch(/ECONN|127\.0\.0\.1|terminat|serialize|jwks/);
    expect(log).toBe('warn');
  });

  it.each<[string, unknown]>([
    ['a plain bug', new Error(SECRET)],
    ['a TypeError', new TypeError(`Cannot read properties of undefined (${SECRET})`)],
    ['a constraint violation', coded(`duplicate key value violates unique constraint (${SECRET})`, '23505')],
    ['a code nobody listed', coded(SECRET, 'PERSONAL_DATA_INTEGRITY')],
    ['a partial replay', new DuplicateEventIdError('request-1', ['e1'])],
    ['an unlisted HTTP status', new HttpException(SECRET, 418)],
    ['a framework 500', new InternalServerErrorException(SECRET)],
    ['a thrown string', SECRET],
    ['nothing at all', undefined],
  ])('answers %s with an opaque 500', (_what, error) => {
    const { problem, headers, log } = problemFor(error);
    expect(problem).toEqual({
      type: 'urn:samad:problem:internal-error',
      title: 'خطای داخلی (internal error)',
      status: 500,
      code: 'INTERNAL_ERROR',
    });
    expect(headers).toEqual({});
    expect(log).toBe('error');
  });
});

describe('what a failure’s log line holds', () => {
  it('keeps the kind, name, code and stack but no citizen’s data', () => {
    const error = Object.assign(
      new Error('invalid input syntax: "0499370899" for علی کریمی, mobile 09123456789 ۰۹۱۲'),
      { code: '22P02' },
    );
    const logged = describeFailure(Object.assign(new Error('query failed'), { driverError: error }));
    const text = JSON.stringify(logged);
    expect(logged).toMatchObject({ kind: 'permanent', name: 'Error', message: 'query failed' });
    expect(logged.cause).toMatchObject({ code: '22P02' });
    expect(text).toContain('at ');
    for (const secret of ['0499370899', 'علی', '09123456789', '۰۹۱۲']) expect(text).not.toContain(secret);
  });
});
