// What the command says, in Persian (default) or English (--lang en).
import { auditProblemText } from '@samad/event-store';

export interface Messages {
  readonly lang: 'fa' | 'en';
  readonly usage: string;
  readonly unknownCommand: (name: string) => string;
  readonly notFound: (code: string) => string;
  readonly historyHeader: (code: string, count: number) => string;
  readonly stateHeader: (code: string, asOf: string) => string;
  readonly notYetRegistered: string;
  readonly verifyOk: (events: number, covered: number, sequence: number, issuedAt: string) => string;
  readonly verifyFailed: string;
  readonly uncovered: (n: number) => string;
  readonly streamBroken: (what: string) => string;
  readonly exported: (file: string, events: number, sequence: number) => string;
  readonly bundleOk: (stream: string, events: number, sequence: number, keyId: string) => string;
  readonly bundleFailed: (reason: string) => string;
  readonly tokenRequired: string;
  readonly tokenHint: string;
  readonly positionNeedsDatabase: string;
  readonly jobAbandoned: (id: string) => string;
  readonly problem: Record<string, (p: Record<string, unknown>) => string>;
}

export const english: Messages = {
  lang: 'en',
  usage: 'usage: samad <command> [options] [--lang fa|en] [--gregorian] [--api <url> --token <jwt>]',
  unknownCommand: (n) => `unknown command: ${n}`,
  notFound: (code) => `no request with tracking code ${code}`,
  historyHeader: (code, count) => `History of request ${code} (${count} events)`,
  stateHeader: (code, asOf) => `Request ${code} as it stood at ${asOf}`,
  notYetRegistered: 'not registered yet at that moment',
  verifyOk: (events, covered, sequence, issuedAt) =>
    `OK: ${events} events verified; ${covered} covered by signed checkpoint #${sequence} (${issuedAt})`,
  verifyFailed: 'FAILED',
  uncovered: (n) => `${n} newer events are not yet covered by a checkpoint (per-stream chains checked)`,
  streamBroken: (what) => `broken per-stream chain at ${what}`,
  exported: (file, events, sequence) =>
    `wrote ${file}: ${events} events proven against checkpoint #${sequence}`,
  bundleOk: (stream, events, sequence, keyId) =>
    `OK: ${events} events of ${stream} are in signed checkpoint #${sequence} (key ${keyId})`,
  bundleFailed: (reason) => `FAILED: ${reason}`,
  tokenRequired: "with --api (or SAMAD_API_URL) give an auditor's token: --token <jwt> or SAMAD_API_TOKEN",
  tokenHint: "check --token / SAMAD_API_TOKEN: an unexpired auditor's token",
  positionNeedsDatabase:
    '--as-of with a position (commit:prepare) needs the database (DATABASE_URL); over HTTP give a Jalali day or ISO date',
  jobAbandoned: (id) =>
    `verification job ${id} was abandoned (its server stopped before it finished): run it again`,
  problem: auditProblemText.en,
};

export const persian: Messages = {
  lang: 'fa',
  usage: 'استفاده: samad <فرمان> [گزینه‌ها] [--lang fa|en] [--gregorian] [--api <url> --token <jwt>]',
  unknownCommand: (n) => `فرمان ناشناخته: ${n}`,
  notFound: (code) => `درخواستی با کد رهگیری ${code} نیست`,
  historyHeader: (code, count) => `تاریخچهٔ درخواست ${code} (${count} رویداد)`,
  stateHeader: (code, asOf) => `درخواست ${code} در ${asOf}`,
  notYetRegistered: 'در آن لحظه هنوز ثبت نشده بود',
  verifyOk: (events, covered, sequence, issuedAt) =>
    `درست است: ${events} رویداد بررسی شد؛ ${covered} رویداد زیر نقطهٔ وارسی امضاشدهٔ #${sequence} (${issuedAt})`,
  verifyFailed: 'نادرست',
  uncovered: (n) => `${n} رویداد تازه‌تر هنوز زیر نقطهٔ وارسی نیست (زنجیرهٔ هر جریان بررسی شد)`,
  streamBroken: (what) => `زنجیرهٔ جریان در ${what} شکسته است`,
  exported: (file, events, sequence) =>
    `${file} نوشته شد: ${events} رویداد با اثبات تا نقطهٔ وارسی #${sequence}`,
  bundleOk: (stream, events, sequence, keyId) =>
    `درست است: ${events} رویداد ${stream} در نقطهٔ وارسی امضاشدهٔ #${sequence} هست (کلید ${keyId})`,
  bundleFailed: (reason) => `نادرست: ${reason}`,
  tokenRequired: 'با --api (یا SAMAD_API_URL) توکن حسابرس را بدهید: --token <jwt> یا SAMAD_API_TOKEN',
  tokenHint: 'توکن --token / SAMAD_API_TOKEN را بررسی کنید: توکن حسابرسِ منقضی‌نشده',
  positionNeedsDatabase:
    '--as-of با موقعیت (commit:prepare) پایگاه داده (DATABASE_URL) می‌خواهد؛ از راه HTTP روز جلالی یا تاریخ ISO بدهید',
  jobAbandoned: (id) => `وارسی ${id} نیمه‌کاره ماند (کارگزارش پیش از پایان ایستاد): دوباره اجرا کنید`,
  problem: auditProblemText.fa,
};

export const messagesFor = (lang: string | undefined): Messages => (lang === 'en' ? english : persian);
