import type { RoutingRule } from '../route-by-rules/choose-agency';
import { clashingRule, sameTerms, takesLastFallback, termsOf, withChange } from './rule-terms';

const rule = (id: number, countyCode: string | null, agencyCode: string, priority = 0): RoutingRule => ({
  id,
  categoryCode: 'MUN-WASTE',
  countyCode,
  agencyCode,
  priority,
});

describe('routing rule terms', () => {
  const fallback = rule(1, null, 'SHAHRDARI');
  const qeshm = rule(2, 'QSM', 'QFZ', 10);

  it('applies only the fields a change names', () => {
    expect(withChange(termsOf(qeshm), { priority: 5 })).toEqual({ ...termsOf(qeshm), priority: 5 });
    expect(withChange(termsOf(qeshm), { countyCode: null, agencyCode: 'SHAHRDARI' })).toEqual({
      categoryCode: 'MUN-WASTE',
      countyCode: null,
      agencyCode: 'SHAHRDARI',
      priority: 10,
    });
    expect(sameTerms(withChange(termsOf(qeshm), {}), termsOf(qeshm))).toBe(true);
  });

  it('finds another rule with the same county and agency, the fallback matching only the fallback', () => {
    const rules = [fallback, qeshm];
    expect(clashingRule(rules, { ...termsOf(qeshm), priority: 99 })).toBe(qeshm);
    expect(clashingRule(rules, termsOf(qeshm), qeshm.id)).toBeUndefined();
    expect(clashingRule(rules, { ...termsOf(qeshm), countyCode: null })).toBeUndefined();
    expect(clashingRule(rules, { ...termsOf(fallback), priority: 3 })).toBe(fallback);
  });

  it('refuses to take away the last county-independent rule, by removal or by a move to a county', () => {
    expect(takesLastFallback([fallback, qeshm], fallback.id)).toBe(true);
    expect(
      takesLastFallback([fallback, qeshm], fallback.id, { ...termsOf(fallback), countyCode: 'BND' }),
    ).toBe(true);
    expect(takesLastFallback([fallback, qeshm], fallback.id, { ...termsOf(fallback), priority: 4 })).toBe(
      false,
    );
    expect(takesLastFallback([fallback, qeshm], qeshm.id)).toBe(false);
    expect(takesLastFallback([fallback, rule(3, null, 'OSTANDARI'), qeshm], fallback.id)).toBe(false);
  });
});
