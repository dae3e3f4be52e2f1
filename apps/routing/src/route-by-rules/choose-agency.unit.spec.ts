import { chooseAgency, type RequestToRoute, type RoutingRule } from './choose-agency';

const rule = (id: number, fields: Partial<RoutingRule>): RoutingRule => ({
  id,
  categoryCode: 'MUN-WASTE',
  countyCode: null,
  agencyCode: 'SHAHRDARI',
  priority: 0,
  ...fields,
});

const inQeshm: RequestToRoute = { categoryCode: 'MUN-WASTE', countyCode: 'QSM', returnedBy: [] };

const rules = [
  rule(1, { agencyCode: 'SHAHRDARI' }),
  rule(2, { countyCode: 'QSM', agencyCode: 'QFZ', priority: 10 }),
  rule(3, { countyCode: 'MIN', agencyCode: 'DEHYARI', priority: 10 }),
  rule(4, { categoryCode: 'WAT-CUT', agencyCode: 'ABFA' }),
];

describe('chooseAgency', () => {
  it("prefers the rule for the request's county", () => {
    expect(chooseAgency(rules, inQeshm)).toEqual({ kind: 'agency', rule: rules[1] });
  });

  it('falls back to the county-independent rule elsewhere', () => {
    expect(chooseAgency(rules, { ...inQeshm, countyCode: 'BND' })).toEqual({
      kind: 'agency',
      rule: rules[0],
    });
  });

  it('prefers a county rule even over a fallback of higher priority', () => {
    const urgentFallback = rule(5, { agencyCode: 'OSTANDARI', priority: 99 });
    expect(chooseAgency([urgentFallback, ...rules], inQeshm)).toMatchObject({ rule: { agencyCode: 'QFZ' } });
  });

  it('takes the higher priority among rules of the same county, then the older rule', () => {
    const candidates = [
      rule(7, { countyCode: 'QSM', agencyCode: 'LOW', priority: 1 }),
      rule(9, { countyCode: 'QSM', agencyCode: 'HIGH-NEWER', priority: 5 }),
      rule(8, { countyCode: 'QSM', agencyCode: 'HIGH-OLDER', priority: 5 }),
    ];
    expect(chooseAgency(candidates, inQeshm)).toMatchObject({ rule: { agencyCode: 'HIGH-OLDER' } });
  });

  it('skips agencies that returned the request, down to the fallback', () => {
    expect(chooseAgency(rules, { ...inQeshm, returnedBy: ['QFZ'] })).toEqual({
      kind: 'agency',
      rule: rules[0],
    });
  });

  it('sends the request to a supervisor when every responsible agency returned it', () => {
    const choice = chooseAgency(rules, { ...inQeshm, returnedBy: ['QFZ', 'SHAHRDARI'] });
    expect(choice).toMatchObject({ kind: 'manual', cause: 'every_agency_returned' });
    expect(choice.kind === 'manual' && choice.reason).toBe(
      'همه‌ی دستگاه‌های مسئول این درخواست را بازگردانده‌اند: QFZ، SHAHRDARI ' +
        '(every responsible agency returned it: QFZ, SHAHRDARI)',
    );
  });

  it('sends the request to a supervisor when its category has no rule', () => {
    const choice = chooseAgency(rules, { categoryCode: 'GEN-OTHER', countyCode: 'BND', returnedBy: [] });
    expect(choice).toMatchObject({ kind: 'manual', cause: 'no_rule' });
    expect(choice.kind === 'manual' && choice.reason).toContain(
      '(no routing rule for category GEN-OTHER in county BND)',
    );
  });

  it("ignores another county's rule", () => {
    const onlyMinab = [rule(3, { countyCode: 'MIN', agencyCode: 'DEHYARI' })];
    expect(chooseAgency(onlyMinab, inQeshm)).toMatchObject({ kind: 'manual', cause: 'no_rule' });
  });
});
