import { DEFAULT_OFFICE_HOURS, type WorkingCalendar } from '@samad/request-lifecycle';
import {
  byPerformance,
  figuresOf,
  percentile,
  rankedBy,
  trendByMonth,
  workingDaysToAnswer,
  type CountedFact,
  type ScorecardFigures,
} from './scorecard.aggregate';

const calendar: WorkingCalendar = {
  thursday: 'working',
  officeHours: DEFAULT_OFFICE_HOURS,
  holidays: new Set(),
};
// Tehran is UTC+03:30: 10:00 there is 06:30Z. 2026-12-01 is a Tuesday (10 Azar 1405).
const tehran = (day: string, time = '10:00') => new Date(`${day}T${time}:00+03:30`);

const fact = (overrides: Partial<CountedFact> & Pick<CountedFact, 'kind'>): CountedFact => ({
  trackingCode: '1000000001',
  agencyCode: 'ABFA',
  countyCode: 'BND',
  at: tehran('2026-12-05'),
  ...overrides,
});

const answered = (receivedAt: Date, at: Date, dueAt: Date, agencyCode = 'ABFA'): CountedFact =>
  fact({ kind: 'answered', receivedAt, at, dueAt, agencyCode });

describe('percentile (linear between ranks, as percentile_cont)', () => {
  it('is null for nothing, the value for one, and interpolates between ranks', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([4], 0.9)).toBe(4);
    expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.9)).toBeCloseTo(9.1);
    expect(percentile([1, 2], 0.5)).toBe(1.5);
    expect(percentile([3, 1, 2], 1)).toBe(3);
  });
});

describe('working days to answer (ADR 21 office time)', () => {
  it('counts Tuesday 10:00 to Saturday 10:00 as three working days (Friday off)', () => {
    expect(workingDaysToAnswer(tehran('2026-12-01'), tehran('2026-12-05'), calendar)).toBe(3);
  });

  it('follows the Thursday rule and declared holidays', () => {
    const from = tehran('2026-12-01');
    const to = tehran('2026-12-05');
    expect(workingDaysToAnswer(from, to, { ...calendar, thursday: 'off' })).toBe(2);
    expect(workingDaysToAnswer(from, to, { ...calendar, thursday: 'half' })).toBe(2.5);
    expect(workingDaysToAnswer(from, to, { ...calendar, holidays: new Set(['2026-12-02']) })).toBe(2);
  });

  it('counts nothing outside office hours', () => {
    expect(workingDaysToAnswer(tehran('2026-12-01', '15:00'), tehran('2026-12-02', '07:00'), calendar)).toBe(
      0,
    );
  });
});

describe('figures of a group', () => {
  it('counts received, answered on time, missed deadlines and escalations by level', () => {
    const due = tehran('2026-12-05');
    const figures = figuresOf(
      [
        fact({ kind: 'received' }),
        fact({ kind: 'received' }),
        fact({ kind: 'received' }),
        answered(tehran('2026-12-01'), tehran('2026-12-05'), due), // 3 days, exactly on time
        answered(tehran('2026-12-01'), tehran('2026-12-01', '12:00'), due), // 2 h of a 7 h day
        answered(tehran('2026-12-01'), tehran('2026-12-08'), due), // late: 6 days
        fact({ kind: 'deadline_missed' }),
        fact({ kind: 'escalated', value: 1 }),
        fact({ kind: 'escalated', value: 2 }),
      ],
      calendar,
    );
    expect(figures).toEqual<ScorecardFigures>({
      received: 3,
      answered: 3,
      answeredOnTime: 2,
      answeredOnTimeRate: 0.6667,
      meanWorkingDaysToAnswer: 3.1,
      p90WorkingDaysToAnswer: 5.4,
      deadlinesMissed: 1,
      escalations: { level1: 1, level2: 1 },
      reopened: 0,
      reopenRate: 0,
      extensionsRequested: 0,
      extensionsGranted: 0,
      ratings: 0,
      meanSatisfaction: null,
      answeredInPerson: 0,
    });
  });

  it("counts the answers the agency's manager gave in person among the answers (ADR 38)", () => {
    const due = tehran('2026-12-05');
    const inPerson = { ...answered(tehran('2026-12-01'), tehran('2026-12-01'), due), value: 1 };
    const figures = figuresOf(
      [inPerson, answered(tehran('2026-12-01'), tehran('2026-12-02'), due)],
      calendar,
    );
    expect(figures).toMatchObject({ answered: 2, answeredOnTime: 2, answeredInPerson: 1 });
  });

  it('counts extensions, reopens and ratings once their facts exist', () => {
    const figures = figuresOf(
      [
        answered(tehran('2026-12-01'), tehran('2026-12-02'), tehran('2026-12-05')),
        answered(tehran('2026-12-01'), tehran('2026-12-02'), tehran('2026-12-05')),
        fact({ kind: 'reopened' }),
        fact({ kind: 'extension_requested' }),
        fact({ kind: 'extension_requested' }),
        fact({ kind: 'extension_granted' }),
        fact({ kind: 'rated', value: 5 }),
        fact({ kind: 'rated', value: 2 }),
      ],
      calendar,
    );
    expect(figures).toMatchObject({
      reopened: 1,
      reopenRate: 0.5,
      extensionsRequested: 2,
      extensionsGranted: 1,
      ratings: 2,
      meanSatisfaction: 3.5,
    });
  });

  it('has no rates or times when nothing was answered', () => {
    expect(figuresOf([fact({ kind: 'received' })], calendar)).toMatchObject({
      answeredOnTimeRate: null,
      meanWorkingDaysToAnswer: null,
      p90WorkingDaysToAnswer: null,
      reopenRate: null,
    });
  });
});

describe('ranking', () => {
  const due = tehran('2026-12-05');
  const received = tehran('2026-12-01');

  it('puts the best on-time rate first, then fewer inspection escalations and missed deadlines', () => {
    const ranked = rankedBy(
      'agencyCode',
      [
        answered(received, tehran('2026-12-08'), due, 'BARGH'), // late
        answered(received, tehran('2026-12-02'), due, 'ABFA'),
        answered(received, tehran('2026-12-02'), due, 'TAMIN'),
        fact({ kind: 'escalated', value: 2, agencyCode: 'TAMIN' }),
        answered(received, tehran('2026-12-02'), due, 'GAS'),
        fact({ kind: 'deadline_missed', agencyCode: 'GAS' }),
        fact({ kind: 'received', agencyCode: 'SHAHRDARI' }), // nothing answered: last
      ],
      calendar,
    );
    expect(ranked.map((r) => [r.rank, r.agencyCode])).toEqual([
      [1, 'ABFA'],
      [2, 'GAS'],
      [3, 'TAMIN'],
      [4, 'BARGH'],
      [5, 'SHAHRDARI'],
    ]);
    expect(ranked[0]).toMatchObject({ nameFa: 'شرکت آب و فاضلاب استان هرمزگان', answered: 1 });
  });

  it('prefers the faster agency at equal on-time rates, and breaks full ties by code', () => {
    const base = figuresOf([], calendar);
    const fast = { ...base, code: 'B', answeredOnTimeRate: 1, meanWorkingDaysToAnswer: 1 };
    const slow = { ...base, code: 'A', answeredOnTimeRate: 1, meanWorkingDaysToAnswer: 2 };
    expect([slow, fast].sort(byPerformance).map((r) => r.code)).toEqual(['B', 'A']);
    expect([{ ...fast }, { ...fast, code: 'A' }].sort(byPerformance).map((r) => r.code)).toEqual(['A', 'B']);
  });

  it('ranks counties the same way', () => {
    const ranked = rankedBy(
      'countyCode',
      [
        { ...answered(received, tehran('2026-12-08'), due), countyCode: 'MIN' },
        { ...answered(received, tehran('2026-12-02'), due), countyCode: 'BND' },
      ],
      calendar,
    );
    expect(ranked.map((r) => [r.rank, r.countyCode, r.nameFa])).toEqual([
      [1, 'BND', 'بندرعباس'],
      [2, 'MIN', 'میناب'],
    ]);
  });
});

describe('trend by Jalali month', () => {
  it('puts each fact in its Tehran month, with empty months shown as zeros', () => {
    // 30 Aban 1405 ends at 2026-11-21 24:00 Tehran; 23:59 is still Aban, 00:00 the next day is Azar.
    const trend = trendByMonth(
      [
        fact({ kind: 'received', at: tehran('2026-11-21', '23:59') }),
        fact({ kind: 'received', at: tehran('2026-11-22', '00:00') }),
        fact({ kind: 'received', at: tehran('2026-11-22', '00:01') }),
      ],
      [
        { year: 1405, month: 7 },
        { year: 1405, month: 8 },
        { year: 1405, month: 9 },
      ],
      calendar,
    );
    expect(trend.map((m) => [m.month, m.total.received, m.byAgency.length])).toEqual([
      ['1405-07', 0, 0],
      ['1405-08', 1, 1],
      ['1405-09', 2, 1],
    ]);
  });
});
