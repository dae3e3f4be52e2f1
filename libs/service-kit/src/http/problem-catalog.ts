import { HttpException } from '@nestjs/common';
import { DomainError, domainErrorCategories, type DomainErrorCategory } from '@samad/request-lifecycle';
import {
  AccessDeniedError,
  AuthenticationError,
  IdentityProviderUnavailableError,
  InvalidCredentialsError,
} from '../auth/auth.errors';
import { failureKind } from '../failures/failure-kind';
import { ClientProblem, InputValidationError, type ProblemDetails } from './problem-details';
import { TooManyRequestsError } from './too-many-requests.error';

/** What the filter sends: the problem, its extra headers, and whether the failure is worth a log line. */
export interface ProblemAnswer {
  problem: ProblemDetails;
  headers: Record<string, string>;
  log?: 'warn' | 'error';
}

interface KnownCode {
  status: number;
  /** Replaces the error's own message when that message is written for developers, not callers. */
  title?: string;
}

/** Seconds a client should wait before retrying a request that failed because a dependency was away. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

const statusByCategory: Record<DomainErrorCategory, number> = {
  invalid: 400,
  not_found: 404,
  forbidden: 404, // another agency's request looks exactly like one that does not exist
  conflict: 409,
};

/**
 * Every error code the APIs answer with, and its status. A code not listed here is not a client's
 * problem: it ends as a 503 (a dependency was away) or an opaque 500.
 */
export const knownErrorCodes: Readonly<Record<string, KnownCode>> = {
  ...Object.fromEntries(
    Object.entries(domainErrorCategories).map(([code, category]) => [
      code,
      { status: statusByCategory[category] },
    ]),
  ),
  // 422, not 409: nothing about a request's state conflicts; the client sent a different body under a used key.
  IDEMPOTENCY_KEY_REUSED: { status: 422 },
  AGENCY_INBOX_NOT_FOUND: { status: 404 },
  // The auditor's verification jobs (ADR 30).
  VERIFICATION_JOB_NOT_FOUND: { status: 404 },
  // Provincial-trip campaigns (ADR 28) and attachments (ADR 29): each error's own message says what was wrong.
  CAMPAIGN_NOT_FOUND: { status: 404 },
  CAMPAIGN_CLOSED: { status: 409 },
  CAMPAIGN_COUNTY_MISMATCH: { status: 422 },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415 },
  ATTACHMENT_TOO_LARGE: { status: 413 },
  ATTACHMENT_NOT_FOUND: { status: 404 },
  // The knowledge base and answer templates (ADR 36).
  ARTICLE_NOT_FOUND: { status: 404, title: 'مقاله‌ای با این شناسه نیست (no such article)' },
  ARTICLE_NOT_PUBLISHED: { status: 409, title: 'این مقاله منتشر نشده است (the article is not published)' },
  ARTICLE_CATEGORY_MISMATCH: {
    status: 409,
    title: 'مقاله درباره موضوع دیگری است (the article is about another category)',
  },
  CATEGORY_NOT_ROUTED_TO_AGENCY: {
    status: 403,
    title: 'این موضوع به دستگاه شما ارجاع نمی‌شود (not your agency’s category)',
  },
  TEMPLATE_NOT_FOUND: { status: 404, title: 'الگوی پاسخی با این شناسه نیست (no such answer template)' },
  // The PBX's answered-call webhook (ADR 45).
  TELEPHONY_KEY_INVALID: { status: 401 },
  EXTENSION_NOT_FOUND: { status: 404 },
  // The administrator's users of the local identity store (ADR 48).
  USER_NOT_FOUND: { status: 404, title: 'کاربری با این نام نیست (no such user)' },
  USERNAME_TAKEN: { status: 409, title: 'این نام کاربری از پیش هست (the username is taken)' },
  EXTENSION_TAKEN: {
    status: 409,
    title: 'این شماره داخلی از آن کاربر دیگری است (another operator has this extension)',
  },
  CANNOT_CHANGE_OWN_ACCESS: {
    status: 409,
    title:
      'نمی‌توانید خودتان را غیرفعال کنید یا نقش خود را تغییر دهید (you cannot disable or demote yourself)',
  },
  // The working calendar (routing's administrator endpoints).
  HOLIDAY_ALREADY_DECLARED: { status: 409, title: 'این روز از پیش تعطیل است (the day already is a holiday)' },
  HOLIDAY_NOT_FOUND: {
    status: 404,
    title: 'تعطیلی اعلام‌شده‌ای در این روز نیست (no declared holiday that day)',
  },
  CATEGORY_NOT_FOUND: { status: 404, title: 'موضوعی با این کد نیست (no such category)' },
  STREAM_NOT_FOUND: { status: 404, title: 'درخواستی با این کد نیست (no such request)' },
  WRONG_EXPECTED_VERSION: {
    status: 409,
    title:
      'درخواست هم‌زمان تغییر کرد؛ دوباره بخوانید و بفرستید (the request changed meanwhile; reload and retry)',
  },
  // History verification on an adapter without hash chains (EventStoreDB): the deployment cannot do it at all.
  NOT_SUPPORTED: {
    status: 501,
    title: 'این کار با مخزن رویداد فعلی ممکن نیست (not supported by the configured event store)',
  },
  // The store refused data that passed validation (e.g. text jsonb cannot hold): the input's fault, not ours.
  INVALID_APPEND: {
    status: 400,
    title: 'این داده‌ها ذخیره‌پذیر نیست (the request holds data that cannot be stored)',
  },
  // Routing rules kept by administrators (ADR 49): a body naming what routing does not know is the caller's
  // 400, beside the field; the rule in the path is a 404; what would clash with the other rules is a 409.
  UNKNOWN_CATEGORY: { status: 400, title: 'چنین موضوعی نیست (no such category)' },
  UNKNOWN_COUNTY: { status: 400, title: 'چنین شهرستانی نیست (no such county)' },
  UNKNOWN_AGENCY: { status: 400, title: 'چنین دستگاهی نیست (no such agency)' },
  RULE_NOT_FOUND: { status: 404, title: 'قاعده‌ی ارجاعی با این شناسه نیست (no such routing rule)' },
  RULE_ALREADY_EXISTS: {
    status: 409,
    title:
      'این موضوع در این شهرستان از پیش به همین دستگاه ارجاع می‌شود (the category already has this rule for the county and agency)',
  },
  LAST_FALLBACK_RULE: {
    status: 409,
    title:
      'آخرین قاعده‌ی همه‌ی شهرستان‌های این موضوع برداشتنی نیست (the category’s last county-independent rule cannot go)',
  },
};

/** Framework and body-parser errors, by status; any other status from them is treated as unknown. */
const knownHttpStatuses: Readonly<Record<number, { code: string; title: string }>> = {
  // Express reports a body that is not JSON, or a badly %-encoded URL, as a 400 (Nest maps it to BadRequestException).
  400: {
    code: 'MALFORMED_REQUEST',
    title: 'درخواست خوانا نیست (malformed request: the body is not valid JSON, or the URL is badly encoded)',
  },
  404: { code: 'NOT_FOUND', title: 'یافت نشد (not found)' },
  405: { code: 'METHOD_NOT_ALLOWED', title: 'این روش پذیرفته نیست (method not allowed)' },
  413: { code: 'PAYLOAD_TOO_LARGE', title: 'بدنه درخواست بیش از حد بزرگ است (request body too large)' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', title: 'نوع محتوا پشتیبانی نمی‌شود (unsupported media type)' },
};

const typeOf = (code: string): string => `urn:samad:problem:${code.toLowerCase().replace(/_/g, '-')}`;

const problem = (
  code: string,
  status: number,
  title: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails => ({ type: typeOf(code), title, status, code, ...extra });

const answer = (body: ProblemDetails, headers: Record<string, string> = {}): ProblemAnswer => ({
  problem: body,
  headers,
});

const codeOf = (error: unknown): string | undefined => {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

// body-parser's errors (http-errors): a client error it is safe to describe, such as a body over the limit.
const isClientHttpError = (error: unknown): error is Error & { status: number } => {
  const { expose, status } = (error ?? {}) as { expose?: unknown; status?: unknown };
  return (
    error instanceof Error && expose === true && typeof status === 'number' && status >= 400 && status < 500
  );
};

// A header value must be plain ASCII without quotes.
const quoted = (text: string): string => text.replace(/[^\x20-\x7e]|["\\]/g, '');

/** The one table from failures to answers (ADR 0010): known codes, then dependency outages, then 500. */
export function problemFor(error: unknown): ProblemAnswer {
  if (error instanceof InputValidationError) {
    return answer(
      problem('INVALID_INPUT', 400, 'ورودی نامعتبر است (invalid input)', { errors: error.errors }),
    );
  }
  if (error instanceof DomainError) {
    return answer(
      problem(error.code, statusByCategory[error.category], error.message, {
        ...(error.field && { errors: [{ field: error.field, message: error.message }] }),
      }),
    );
  }
  const code = codeOf(error);
  const known = code !== undefined && !(error instanceof HttpException) ? knownErrorCodes[code] : undefined;
  if (code !== undefined && known) {
    const message = (error as Error).message;
    const { field, detail } = error instanceof ClientProblem ? error.explained : {};
    return answer(
      problem(code, known.status, known.title ?? message, {
        ...(detail && { detail }),
        ...(field && { errors: [{ field, message }] }),
      }),
    );
  }
  if (error instanceof AuthenticationError) {
    // RFC 6750: a request without a token gets no error code; a bad token gets invalid_token.
    const challenge =
      error.reason === 'missing'
        ? 'Bearer realm="samad"'
        : `Bearer realm="samad", error="invalid_token", error_description="${quoted(error.message)}"`;
    return answer(
      problem('UNAUTHENTICATED', 401, 'ورود لازم است (authentication required)', { detail: error.message }),
      { 'WWW-Authenticate': challenge },
    );
  }
  if (error instanceof InvalidCredentialsError) {
    return answer(
      problem('INVALID_CREDENTIALS', 401, 'نام کاربری یا گذرواژه نادرست است (wrong username or password)'),
      { 'WWW-Authenticate': 'Bearer realm="samad"' },
    );
  }
  if (error instanceof AccessDeniedError) {
    return answer(problem('FORBIDDEN', 403, 'دسترسی مجاز نیست (access denied)', { detail: error.message }));
  }
  if (error instanceof IdentityProviderUnavailableError) {
    return {
      ...answer(
        problem(
          'IDENTITY_PROVIDER_UNAVAILABLE',
          503,
          'سامانه ورود در دسترس نیست (identity provider unavailable)',
        ),
        { 'Retry-After': String(DEPENDENCY_RETRY_AFTER_SECONDS) },
      ),
      log: 'warn',
    };
  }
  if (error instanceof TooManyRequestsError) {
    return answer(
      problem('TOO_MANY_REQUESTS', 429, 'درخواست‌ها بیش از حد مجاز است (too many requests)', {
        detail: error.message,
      }),
      { 'Retry-After': String(error.retryAfterSeconds) },
    );
  }
  // What the framework and body-parser say about the request itself (its body, path or method) is safe to echo.
  if (isClientHttpError(error) && knownHttpStatuses[error.status]) {
    const { code: statusCode, title } = knownHttpStatuses[error.status];
    return answer(problem(statusCode, error.status, title, { detail: error.message }));
  }
  if (error instanceof HttpException && knownHttpStatuses[error.getStatus()]) {
    const { code: statusCode, title } = knownHttpStatuses[error.getStatus()];
    return answer(problem(statusCode, error.getStatus(), title, { detail: error.message }));
  }
  if (failureKind(error) === 'transient') {
    return {
      ...answer(
        problem(
          'DEPENDENCY_UNAVAILABLE',
          503,
          'سرویس موقتاً در دسترس نیست؛ کمی بعد دوباره بفرستید (a dependency is unavailable; retry later)',
        ),
        { 'Retry-After': String(DEPENDENCY_RETRY_AFTER_SECONDS) },
      ),
      log: 'warn',
    };
  }
  // Anything else is our bug: the caller learns nothing internal; the log has the rest.
  return { ...answer(problem('INTERNAL_ERROR', 500, 'خطای داخلی (internal error)')), log: 'error' };
}
