// What an audit problem means, in Persian and English: the CLI prints it, the HTTP API returns both.
import type { AuditProblem } from './audit-verifier';

type Describe = Record<string, (p: Record<string, unknown>) => string>;

const name = (n: unknown): string => {
  const leaf = n as { streamId: string; revision: string; position: string };
  return `${leaf.streamId}@${leaf.revision} (${leaf.position})`;
};

export const auditProblemText: { readonly en: Describe; readonly fa: Describe } = {
  en: {
    no_checkpoint: () => 'no signed checkpoint has been received yet',
    bad_signature: (p) => `checkpoint #${String(p.sequence)} has an invalid signature`,
    leaf_log_tampered: (p) => `the kept leaf log does not match signed checkpoint #${String(p.sequence)}`,
    changed: (p) => `event #${String(p.index)} changed: expected ${name(p.expected)}, found ${name(p.found)}`,
    missing: (p) =>
      `missing range: ${String(p.count)} events from ${name(p.first)} to ${name(p.last)} (event #${String(p.index)})`,
    inserted: (p) => `event #${String(p.index)} was inserted: ${name(p.found)}`,
    root_mismatch: (p) =>
      `checkpoint #${String(p.sequence)} root mismatch: something between positions ${String(p.fromPosition)} and ${String(p.toPosition)} changed`,
  },
  fa: {
    no_checkpoint: () => 'هنوز هیچ نقطهٔ وارسی امضاشده‌ای نرسیده است',
    bad_signature: (p) => `امضای نقطهٔ وارسی #${String(p.sequence)} نادرست است`,
    leaf_log_tampered: (p) => `فهرست برگ‌ها با نقطهٔ وارسی #${String(p.sequence)} نمی‌خواند`,
    changed: (p) =>
      `رویداد #${String(p.index)} تغییر کرده: باید ${name(p.expected)} باشد، ${name(p.found)} است`,
    missing: (p) =>
      `بازهٔ گم‌شده: ${String(p.count)} رویداد از ${name(p.first)} تا ${name(p.last)} (رویداد #${String(p.index)})`,
    inserted: (p) => `رویداد #${String(p.index)} افزوده شده: ${name(p.found)}`,
    root_mismatch: (p) =>
      `ریشهٔ نقطهٔ وارسی #${String(p.sequence)} نمی‌خواند: چیزی میان ${String(p.fromPosition)} و ${String(p.toPosition)} تغییر کرده`,
  },
};

/** The problem in both languages, for an answer the console shows in either. */
export const describeAuditProblem = (problem: AuditProblem): { en: string; fa: string } => ({
  en: auditProblemText.en[problem.kind](problem as unknown as Record<string, unknown>),
  fa: auditProblemText.fa[problem.kind](problem as unknown as Record<string, unknown>),
});
