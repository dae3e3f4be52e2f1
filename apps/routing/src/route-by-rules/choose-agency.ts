/** A row of routing.rules: `countyCode` null is the category's county-independent fallback. */
export interface RoutingRule {
  readonly id: number;
  readonly categoryCode: string;
  readonly countyCode: string | null;
  readonly agencyCode: string;
  readonly priority: number;
}

/** What the rules need to know about the request. */
export interface RequestToRoute {
  readonly categoryCode: string;
  readonly countyCode: string;
  /** Agencies that already returned it as not theirs (RequestState.returnedBy). */
  readonly returnedBy: readonly string[];
}

export type ManualRoutingCause = 'no_rule' | 'every_agency_returned';

export type AgencyChoice =
  | { readonly kind: 'agency'; readonly rule: RoutingRule }
  | { readonly kind: 'manual'; readonly cause: ManualRoutingCause; readonly reason: string };

// County rules beat the fallback; then higher priority; then the older rule, so the choice is stable.
const precedence = (a: RoutingRule, b: RoutingRule): number =>
  Number(a.countyCode === null) - Number(b.countyCode === null) || b.priority - a.priority || a.id - b.id;

/**
 * The agency the rules send a request to: the request's county first, else the fallback; higher
 * priority first; never an agency that returned it. None left → a supervisor decides (with the reason).
 */
export const chooseAgency = (rules: readonly RoutingRule[], request: RequestToRoute): AgencyChoice => {
  const applicable = rules
    .filter(
      (r) =>
        r.categoryCode === request.categoryCode &&
        (r.countyCode === null || r.countyCode === request.countyCode),
    )
    .sort(precedence);
  const rule = applicable.find((r) => !request.returnedBy.includes(r.agencyCode));
  if (rule) return { kind: 'agency', rule };
  const cause: ManualRoutingCause = applicable.length === 0 ? 'no_rule' : 'every_agency_returned';
  return { kind: 'manual', cause, reason: manualRoutingReason(cause, request) };
};

// Deterministic text: the decider treats the same reason as a repeat, so a retried routing appends nothing.
const manualRoutingReason = (cause: ManualRoutingCause, request: RequestToRoute): string => {
  const { categoryCode, countyCode, returnedBy } = request;
  switch (cause) {
    case 'no_rule':
      return (
        `برای موضوع ${categoryCode} در شهرستان ${countyCode} قاعده‌ی ارجاعی تعریف نشده است ` +
        `(no routing rule for category ${categoryCode} in county ${countyCode})`
      );
    case 'every_agency_returned':
      return (
        `همه‌ی دستگاه‌های مسئول این درخواست را بازگردانده‌اند: ${returnedBy.join('، ')} ` +
        `(every responsible agency returned it: ${returnedBy.join(', ')})`
      );
    default: {
      const _exhaustive: never = cause;
      return _exhaustive;
    }
  }
};
