import { nameOf } from '@samad/reference-data';
import { workingDayMinutes, workingMinutesBetween, type WorkingCalendar } from '@samad/request-lifecycle';
import { ANSWERED_IN_PERSON, type ScorecardFact, type ScorecardFactKind } from './scorecard-facts';
import { formatJalaliMonth, jalaliMonthOf, type JalaliMonth } from './scorecard-period';

/** A stored fact with the county it concerns. */
export type CountedFact = ScorecardFact & { readonly countyCode: string };

export interface ScorecardFigures {
  received: number;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered; null when nothing was answered. */
  answeredOnTimeRate: number | null;
  /** Working days (ADR 21) from the agency's receiving the request to its answer. */
  meanWorkingDaysToAnswer: number | null;
  p90WorkingDaysToAnswer: number | null;
  deadlinesMissed: number;
  escalations: { level1: number; level2: number };
  reopened: number;
  /** reopened / answered; null when nothing was answered. */
  reopenRate: number | null;
  extensionsRequested: number;
  extensionsGranted: number;
  ratings: number;
  meanSatisfaction: number | null;
  /** Of `answered`, those the agency's manager answered in person at the centre (ADR 38). */
  answeredInPerson: number;
}

export type Ranked<Key extends string> = { rank: number; nameFa: string; nameEn: string } & Record<
  Key,
  string
> &
  ScorecardFigures;

const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** The p-th percentile (0–1) with linear interpolation between ranks, as PostgreSQL's percentile_cont. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
};

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

/** Working days between the agency's receiving a request and its answer, on the office calendar. */
export const workingDaysToAnswer = (receivedAt: Date, answeredAt: Date, calendar: WorkingCalendar): number =>
  workingMinutesBetween(receivedAt, answeredAt, calendar) / workingDayMinutes(calendar);

/** The figures of one group of facts (one agency, one county, one month…). */
export const figuresOf = (facts: readonly ScorecardFact[], calendar: WorkingCalendar): ScorecardFigures => {
  const of = (kind: ScorecardFactKind) => facts.filter((f) => f.kind === kind);
  const answers = of('answered');
  const onTime = answers.filter((f) => f.dueAt !== undefined && f.at.getTime() <= f.dueAt.getTime());
  const spans = answers
    .filter((f) => f.receivedAt !== undefined)
    .map((f) => workingDaysToAnswer(f.receivedAt as Date, f.at, calendar));
  const escalations = of('escalated');
  const reopened = of('reopened').length;
  const ratings = of('rated').map((f) => f.value as number);
  const rate = (count: number): number | null => (answers.length === 0 ? null : count / answers.length);
  return {
    received: of('received').length,
    answered: answers.length,
    answeredOnTime: onTime.length,
    answeredOnTimeRate: round(rate(onTime.length), 4),
    meanWorkingDaysToAnswer: round(mean(spans), 2),
    p90WorkingDaysToAnswer: round(percentile(spans, 0.9), 2),
    deadlinesMissed: of('deadline_missed').length,
    escalations: {
      level1: escalations.filter((f) => f.value === 1).length,
      level2: escalations.filter((f) => f.value === 2).length,
    },
    reopened,
    reopenRate: round(rate(reopened), 4),
    extensionsRequested: of('extension_requested').length,
    extensionsGranted: of('extension_granted').length,
    ratings: ratings.length,
    meanSatisfaction: round(mean(ratings), 2),
    answeredInPerson: answers.filter((f) => f.value === ANSWERED_IN_PERSON).length,
  };
};

// Higher is better for a rate or a rating, lower for a time or a count; "nothing yet" ranks below any value.
const higherFirst = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a;
const lowerFirst = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b;

/**
 * The ranking: answered on time first, then fewer inspection-office escalations, fewer missed deadlines,
 * faster answers (mean working days), fewer reopens, happier citizens, more answered; the code breaks ties.
 */
export const byPerformance = (
  a: ScorecardFigures & { code: string },
  b: ScorecardFigures & { code: string },
) =>
  higherFirst(a.answeredOnTimeRate, b.answeredOnTimeRate) ||
  a.escalations.level2 - b.escalations.level2 ||
  a.deadlinesMissed - b.deadlinesMissed ||
  lowerFirst(a.meanWorkingDaysToAnswer, b.meanWorkingDaysToAnswer) ||
  lowerFirst(a.reopenRate, b.reopenRate) ||
  higherFirst(a.meanSatisfaction, b.meanSatisfaction) ||
  b.answered - a.answered ||
  a.code.localeCompare(b.code);

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

/** Every agency (or county) with a fact in `facts`, with its figures, ranked (1 = best). */
export const rankedBy = <Key extends 'agencyCode' | 'countyCode'>(
  key: Key,
  facts: readonly CountedFact[],
  calendar: WorkingCalendar,
): Ranked<Key>[] =>
  [...groupBy(facts, (f) => f[key])]
    .map(([code, group]) => ({ code, ...figuresOf(group, calendar) }))
    .sort(byPerformance)
    .map(({ code, ...figures }, index) => {
      const { nameFa, nameEn } = nameOf(key === 'agencyCode' ? 'agency' : 'county', code);
      return { rank: index + 1, [key]: code, nameFa, nameEn, ...figures } as Ranked<Key>;
    });

export interface MonthTrend {
  month: string;
  total: ScorecardFigures;
  byAgency: Ranked<'agencyCode'>[];
}

/** The figures month by month (Jalali, Tehran time) for each of `months`, oldest first. */
export const trendByMonth = (
  facts: readonly CountedFact[],
  months: readonly JalaliMonth[],
  calendar: WorkingCalendar,
): MonthTrend[] => {
  const byMonth = groupBy(facts, (f) => formatJalaliMonth(jalaliMonthOf(f.at)));
  return months.map((m) => {
    const month = formatJalaliMonth(m);
    const group = byMonth.get(month) ?? [];
    return { month, total: figuresOf(group, calendar), byAgency: rankedBy('agencyCode', group, calendar) };
  });
};
