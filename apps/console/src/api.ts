// Every call goes to the console's own origin; the server routes it to the right service (ADR 0040).
export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title ?? `HTTP ${problem.status}`);
  }
}

export interface Session {
  username: string;
  accessToken: string;
  refreshToken?: string;
  role: string;
  agencyCode?: string;
}

/** A fresh Idempotency-Key; crypto.randomUUID exists only in secure contexts (not plain http on a LAN address). */
export const idempotencyKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

const SESSION_KEY = 'samad.session';

export const loadSession = (): Session | undefined => {
  const stored = sessionStorage.getItem(SESSION_KEY);
  return stored ? (JSON.parse(stored) as Session) : undefined;
};

export const saveSession = (session: Session | undefined): void => {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
};

// One refresh at a time: each refresh token works once, and presenting a used one ends the whole session.
let refreshing: Promise<string | undefined> | undefined;

/** Trades the stored refresh token for a new access token (undefined when the session is over). */
export function refreshAccessToken(): Promise<string | undefined> {
  refreshing ??= (async () => {
    const session = loadSession();
    if (!session?.refreshToken) return undefined;
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (!res.ok) return undefined;
    const answer = (await res.json()) as { accessToken: string; refreshToken: string };
    saveSession({ ...session, accessToken: answer.accessToken, refreshToken: answer.refreshToken });
    return answer.accessToken;
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

export async function api<T>(
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<T> {
  const send = (token: string | undefined) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    // A FormData body goes as multipart: the browser writes its Content-Type with the boundary.
    const multipart = options.body instanceof FormData ? options.body : undefined;
    if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(path, {
      method,
      headers,
      body: multipart ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  };
  // The stored token is the newest (a refresh replaces it); the access token lasts 15 minutes.
  const signedIn = options.token !== undefined;
  let res = await send(signedIn ? (loadSession()?.accessToken ?? options.token) : undefined);
  if (res.status === 401 && signedIn) {
    const renewed = await refreshAccessToken();
    if (renewed) res = await send(renewed);
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw new ProblemError({ status: res.status, ...(body as Partial<Problem>) });
  return body as T;
}

// Persian messages for the stable codes the APIs answer with; anything else shows the API's own title.
const codeMessages: Record<string, { fa: string; en: string }> = {
  INVALID_CREDENTIALS: { fa: 'نام کاربری یا گذرواژه نادرست است', en: 'Wrong username or password' },
  UNAUTHENTICATED: { fa: 'دوباره وارد شوید', en: 'Please sign in again' },
  UNAUTHORIZED: { fa: 'دوباره وارد شوید', en: 'Please sign in again' },
  FORBIDDEN: { fa: 'اجازه این کار را ندارید', en: 'You may not do this' },
  REQUEST_NOT_FOUND: {
    fa: 'درخواستی با این کد رهگیری و شماره همراه یافت نشد',
    en: 'No request matches this tracking code and mobile',
  },
  INVALID_INPUT: { fa: 'برخی خانه‌ها نادرست است', en: 'Some fields are not valid' },
  TOO_MANY_REQUESTS: { fa: 'تلاش‌ها زیاد بود؛ کمی بعد دوباره بکوشید', en: 'Too many tries; wait a little' },
  SERVICE_UNAVAILABLE: { fa: 'سرویس در دسترس نیست', en: 'The service is not answering' },
  HOLIDAY_ALREADY_DECLARED: { fa: 'این روز از پیش تعطیل است', en: 'That day already is a holiday' },
  HOLIDAY_NOT_FOUND: { fa: 'چنین تعطیلی اعلام نشده است', en: 'No such declared holiday' },
  CATEGORY_NOT_FOUND: { fa: 'چنین موضوعی نیست', en: 'No such category' },
  // Agency request page.
  EXTENSION_ALREADY_PENDING: {
    fa: 'یک درخواست تمدید در انتظار تأیید است',
    en: 'An extension already awaits approval',
  },
  INFORMATION_ALREADY_REQUESTED: {
    fa: 'پرسش پیشین هنوز پاسخ نگرفته است',
    en: 'The last question is still unanswered',
  },
  DEADLINE_PAUSED: {
    fa: 'ساعت مهلت تا رسیدن اطلاعات شهروند ایستاده است',
    en: 'The clock is paused until the citizen answers',
  },
  PROPOSED_DUE_NOT_LATER: {
    fa: 'مهلت پیشنهادی باید پس از مهلت کنونی باشد',
    en: 'Must be after the current due date',
  },
  // The operator's registration screen: files, trip letters, follow-ups.
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    fa: 'پرونده پذیرفته نشد: محتوای آن PDF، JPEG یا PNG نیست',
    en: 'File refused: its content is not PDF, JPEG or PNG',
  },
  ATTACHMENT_TOO_LARGE: { fa: 'پرونده بیش از اندازه مجاز است', en: 'The file is over the size limit' },
  CAMPAIGN_NOT_FOUND: { fa: 'چنین سفری نیست', en: 'No such campaign' },
  CAMPAIGN_CLOSED: { fa: 'این سفر بسته شده و نامه نمی‌پذیرد', en: 'The campaign is closed' },
  CAMPAIGN_COUNTY_MISMATCH: {
    fa: 'این شهرستان در برنامه این سفر نیست',
    en: "The county is not in the campaign's counties",
  },
  REQUEST_ALREADY_CLOSED: { fa: 'این درخواست بسته شده است', en: 'The request is closed' },
  // Routing rules kept by the administrator (ADR 49).
  RULE_ALREADY_EXISTS: {
    fa: 'این موضوع در این شهرستان از پیش به همین دستگاه ارجاع می‌شود؛ اولویت همان قاعده را تغییر دهید',
    en: "This category already goes to this agency here: change that rule's priority instead",
  },
  RULE_NOT_FOUND: { fa: 'این قاعده دیگر نیست', en: 'The rule no longer exists' },
  LAST_FALLBACK_RULE: {
    fa: 'آخرین قاعده‌ی همه شهرستان‌های این موضوع حذف‌شدنی نیست: بی آن، درخواست‌های شهرستان‌های بی‌قاعده به صف ارجاع دستی می‌روند. نخست قاعده‌ی همه شهرستان‌های دیگری بیفزایید.',
    en: "The category's last every-county rule cannot go: without it, requests from counties without a rule of their own wait in the manual routing queue. Add another every-county rule first.",
  },
  // Admin users (ADR 48).
  USERNAME_TAKEN: { fa: 'این نام کاربری از پیش هست', en: 'That username is taken' },
  EXTENSION_TAKEN: {
    fa: 'این شماره داخلی از آن اپراتور دیگری است',
    en: 'Another operator has this extension',
  },
  USER_NOT_FOUND: { fa: 'چنین کاربری نیست', en: 'No such user' },
  CANNOT_CHANGE_OWN_ACCESS: {
    fa: 'نمی‌توانید خودتان را غیرفعال کنید یا نقش خود را تغییر دهید',
    en: 'You cannot disable yourself or change your own role',
  },
};

/** The message to show for a failed call, in the screen's language. */
export function problemMessage(error: unknown, lang: 'fa' | 'en'): string {
  if (!(error instanceof ProblemError)) return lang === 'fa' ? 'ارتباط برقرار نشد' : 'Could not connect';
  const known = error.problem.code ? codeMessages[error.problem.code] : undefined;
  if (known) return known[lang];
  if (error.problem.status === 401) return codeMessages.UNAUTHENTICATED[lang];
  if (error.problem.status === 429) return codeMessages.TOO_MANY_REQUESTS[lang];
  const title = error.problem.title ?? `HTTP ${error.problem.status}`;
  // The APIs write "فارسی (English)": show the half in the screen's language.
  const gloss = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(title);
  return gloss ? (lang === 'fa' ? gloss[1] : gloss[2]) : title;
}

// Persian for the field messages the APIs give in English; any other message is shown as the API wrote it.
const fieldMessages: [RegExp, string][] = [
  [/give the answer text or a templateId/, 'متن پاسخ را بنویسید یا الگویی برگزینید'],
  [/national code has 10 digits/, 'کد ملی ۱۰ رقم است'],
  [/national code check digit/, 'رقم کنترل کد ملی درست نیست'],
  [/not an issued national code/, 'این کد ملی صادر نشده است'],
  [/mobile/i, 'شماره همراه معتبر نیست'],
  [/should not be empty|must be longer than or equal to 1/, 'این خانه را پر کنید'],
  [/unknown (county|category) code/, 'از فهرست برگزینید'],
  [/deadlineDays must (not be (greater|less) than|be an integer)/, 'مهلت عددی درست از ۱ تا ۹۰ روز کاری است'],
  [/not a Jalali date/, 'تاریخ شمسی معتبر نیست'],
  [/year must be/, 'سال باید از ۱۴۰۰ تا ۱۴۹۹ باشد'],
  [/ratePerMinute|burst/, 'عددی درست از ۱ تا ۱۰۰۰۰ بنویسید'],
  // Agency request page.
  [/must be longer than or equal to 5 characters/, 'دست‌کم ۵ نویسه بنویسید'],
  [/must be after the current due date/, 'مهلت پیشنهادی باید پس از مهلت کنونی باشد'],
  [/must be a valid ISO 8601 date string/, 'تاریخی برگزینید'],
  // Routing rules kept by the administrator (ADR 49).
  [/unknown agency code/, 'از فهرست برگزینید'],
  [/^priority must/, 'اولویت عددی درست از ۰ تا ۱۰۰۰ است'],
  [/already has a rule for this county and agency/, codeMessages.RULE_ALREADY_EXISTS.fa],
  // Admin users (ADR 48).
  [/^username: 3 to 64/, 'نام کاربری: ۳ تا ۶۴ حرف کوچک لاتین، رقم، نقطه، خط تیره یا زیرخط'],
  [/^unknown role$/, 'نقشی از فهرست برگزینید'],
  [/^this role acts for one agency/, 'این نقش از آن یک دستگاه است: دستگاه را برگزینید'],
  [/^only agency roles belong to an agency/, 'فقط نقش‌های دستگاهی دستگاه دارند'],
  [/^unknown agency code$/, 'دستگاهی با این کد نیست'],
  [/^extension: 2 to 8 digits/, 'شماره داخلی ۲ تا ۸ رقم است'],
  [/^only operators have a telephone extension/, 'فقط اپراتورها شماره داخلی دارند'],
  [/^password: \d+ to \d+ characters/, 'گذرواژه دست‌کم ۱۰ نویسه است'],
  // The auditor's reveal of personal data (ADR 20).
  [/reason must be \d+ to \d+ characters/, 'دلیل باید از ۵ تا ۵۰۰ نویسه باشد'],
  [/a reason is required/, 'دلیل را بنویسید'],
];

/** Field errors of a 400 keyed by the form's field name: `citizens[0].nationalCode` → `nationalCode`. */
export function fieldErrors(error: unknown, lang: 'fa' | 'en' = 'en'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!(error instanceof ProblemError)) return out;
  for (const { field, message } of error.problem.errors ?? []) {
    const name = field.replace(/^citizens\[0\]\./, '');
    const persian = fieldMessages.find(([pattern]) => pattern.test(message))?.[1];
    (out[name] ??= []).push(lang === 'fa' && persian ? persian : message);
  }
  return out;
}
