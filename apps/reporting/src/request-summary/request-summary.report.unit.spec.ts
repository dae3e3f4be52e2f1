import { buildRequestSummary, type SummaryRow } from './request-summary.report';

const row = (overrides: Partial<SummaryRow> & Pick<SummaryRow, 'dimension' | 'key'>): SummaryRow => ({
  total: 0,
  open: 0,
  answered: 0,
  overdue: 0,
  followUps: 0,
  returns: 0,
  onTimeRate: null,
  meanHours: null,
  p90Hours: null,
  ...overrides,
});

const asOf = new Date('2025-03-21T06:30:00Z');

describe('buildRequestSummary', () => {
  it('ranks agencies by on-time rate, then mean time to answer, with nothing answered last', () => {
    const summary = buildRequestSummary(
      [
        row({ dimension: 'agency', key: 'SHAHRDARI', total: 4, open: 4, overdue: 1 }),
        row({ dimension: 'agency', key: 'BARGH', total: 3, answered: 3, onTimeRate: 0.5, meanHours: 10 }),
        row({ dimension: 'agency', key: 'GAS', total: 2, open: 2, overdue: 0 }),
        row({ dimension: 'agency', key: 'ABFA', total: 3, answered: 3, onTimeRate: 1, meanHours: 30 }),
        row({ dimension: 'agency', key: 'RAH', total: 2, answered: 2, onTimeRate: 0.5, meanHours: 4 }),
      ],
      {},
      asOf,
    );
    expect(summary.byAgency.map((a) => [a.rank, a.agencyCode])).toEqual([
      [1, 'ABFA'],
      [2, 'RAH'],
      [3, 'BARGH'],
      [4, 'GAS'],
      [5, 'SHAHRDARI'],
    ]);
  });

  it('ranks an agency lower for its escalations when all else is equal, the inspection office first', () => {
    const same = { total: 3, answered: 3, onTimeRate: 0.5, meanHours: 10 };
    const summary = buildRequestSummary(
      [
        row({ dimension: 'agency', key: 'ABFA', ...same, escalated: 2, escalatedToInspection: 0 }),
        row({ dimension: 'agency', key: 'BARGH', ...same, escalated: 1, escalatedToInspection: 1 }),
        row({ dimension: 'agency', key: 'GAS', ...same }),
      ],
      {},
      asOf,
    );
    expect(summary.byAgency.map((a) => [a.agencyCode, a.escalated, a.escalatedToInspection])).toEqual([
      ['GAS', 0, 0],
      ['ABFA', 2, 0],
      ['BARGH', 1, 1],
    ]);
  });

  it('names agencies, counties and categories from the catalog, and null for codes it does not know', () => {
    const summary = buildRequestSummary(
      [
        row({ dimension: 'agency', key: 'ABFA', total: 1 }),
        row({ dimension: 'agency', key: 'NEWCO', total: 1 }),
        row({ dimension: 'county', key: 'QSM', total: 1 }),
        row({ dimension: 'category', key: 'WAT-CUT', total: 1 }),
      ],
      {},
      asOf,
    );
    expect(summary.byAgency.find((a) => a.agencyCode === 'ABFA')).toMatchObject({
      nameFa: 'شرکت آب و فاضلاب استان هرمزگان',
      nameEn: 'Provincial Water and Wastewater Company',
    });
    // One fallback everywhere: a code the catalog does not know is shown as its own name.
    expect(summary.byAgency.find((a) => a.agencyCode === 'NEWCO')).toMatchObject({
      nameFa: 'NEWCO',
      nameEn: 'NEWCO',
    });
    expect(summary.byCounty[0]).toMatchObject({ countyCode: 'QSM', nameFa: 'قشم', nameEn: 'Qeshm' });
    expect(summary.byCategory[0]).toMatchObject({ categoryCode: 'WAT-CUT', nameEn: 'Water outage' });
  });

  it('lists every status and channel, zero when none, and leaves unassigned requests out of the agency table', () => {
    const summary = buildRequestSummary(
      [
        row({ dimension: 'all', key: null, total: 3, followUps: 2, returns: 1 }),
        row({ dimension: 'status', key: 'routed', total: 2 }),
        row({ dimension: 'status', key: 'registered', total: 1 }),
        row({ dimension: 'channel', key: 'trip_letter', total: 3 }),
        row({ dimension: 'agency', key: null, total: 1 }),
        row({ dimension: 'agency', key: 'ABFA', total: 2 }),
      ],
      {},
      asOf,
    );
    expect(summary.byStatus).toEqual({
      registered: 1,
      awaiting_manual_routing: 0,
      routed: 2,
      acknowledged: 0,
      referred: 0,
      returned: 0,
      answered: 0,
      closed: 0,
    });
    expect(summary.byChannel).toEqual({ phone: 0, desk: 0, trip_letter: 3, web: 0 });
    expect(summary.byAgency.map((a) => a.agencyCode)).toEqual(['ABFA']);
    expect(summary).toMatchObject({ total: 3, followUps: 2, returns: 1 });
  });

  it('orders counties and categories by volume and rounds hours and rates', () => {
    const summary = buildRequestSummary(
      [
        row({
          dimension: 'all',
          key: null,
          answered: 3,
          meanHours: 4.333333,
          p90Hours: 8.4,
          onTimeRate: 2 / 3,
        }),
        row({ dimension: 'county', key: 'BND', total: 1 }),
        row({ dimension: 'county', key: 'MIN', total: 5 }),
        row({ dimension: 'county', key: 'JSK', total: 1 }),
      ],
      { from: new Date('2025-03-01T00:00:00Z') },
      asOf,
    );
    expect(summary.byCounty.map((c) => c.countyCode)).toEqual(['MIN', 'BND', 'JSK']);
    expect(summary.timeToAnswer).toEqual({
      answered: 3,
      meanHours: 4.33,
      p90Hours: 8.4,
      answeredOnTimeRate: 0.6667,
    });
    expect(summary.window).toEqual({ from: '2025-03-01T00:00:00.000Z', to: null });
    expect(summary.asOf).toBe('2025-03-21T06:30:00.000Z');
    expect(summary.asOfJalali).toContain('۱۴۰۴');
  });

  it('reports an empty window as zeros and nulls', () => {
    const summary = buildRequestSummary([], {}, asOf);
    expect(summary).toMatchObject({
      total: 0,
      byAgency: [],
      timeToAnswer: { answered: 0, meanHours: null, p90Hours: null, answeredOnTimeRate: null },
    });
  });
});
