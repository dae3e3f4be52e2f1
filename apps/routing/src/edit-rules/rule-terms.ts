import type { RoutingRule } from '../route-by-rules/choose-agency';

/** What a rule says, without its id: the history keeps these before and after each change. */
export interface RuleTerms {
  readonly categoryCode: string;
  /** null: the category's fallback for every county without its own rule. */
  readonly countyCode: string | null;
  readonly agencyCode: string;
  readonly priority: number;
}

/** An administrator's change to a rule's terms; an absent field keeps its value. */
export interface RuleTermsChange {
  readonly countyCode?: string | null;
  readonly agencyCode?: string;
  readonly priority?: number;
}

export const termsOf = (rule: RuleTerms): RuleTerms => ({
  categoryCode: rule.categoryCode,
  countyCode: rule.countyCode,
  agencyCode: rule.agencyCode,
  priority: rule.priority,
});

export const withChange = (terms: RuleTerms, change: RuleTermsChange): RuleTerms => ({
  ...terms,
  ...(change.countyCode !== undefined && { countyCode: change.countyCode }),
  ...(change.agencyCode !== undefined && { agencyCode: change.agencyCode }),
  ...(change.priority !== undefined && { priority: change.priority }),
});

export const sameTerms = (a: RuleTerms, b: RuleTerms): boolean =>
  a.categoryCode === b.categoryCode &&
  a.countyCode === b.countyCode &&
  a.agencyCode === b.agencyCode &&
  a.priority === b.priority;

/** Another rule of the category that already sends the same county (or the fallback) to the same agency. */
export const clashingRule = (
  rules: readonly RoutingRule[],
  terms: RuleTerms,
  exceptId?: number,
): RoutingRule | undefined =>
  rules.find(
    (r) =>
      r.id !== exceptId &&
      r.categoryCode === terms.categoryCode &&
      r.countyCode === terms.countyCode &&
      r.agencyCode === terms.agencyCode,
  );

/**
 * Whether removing the rule (or moving it to a county) leaves its category without any county-independent
 * rule: a request from a county with no rule of its own would then wait for a supervisor (no_rule).
 */
export const takesLastFallback = (
  rules: readonly RoutingRule[],
  ruleId: number,
  after?: RuleTerms,
): boolean => {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule || rule.countyCode !== null || after?.countyCode === null) return false;
  return !rules.some((r) => r.id !== ruleId && r.categoryCode === rule.categoryCode && r.countyCode === null);
};
