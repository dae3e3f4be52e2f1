import { nameOf, type NamedKind } from '@samad/reference-data';
import { formatJalali, requestChannels, requestStatuses } from '@samad/request-lifecycle';

/** One grouping-set row of the summary query (numbers already parsed). */
export interface SummaryRow {
  readonly dimension: 'all' | 'status' | 'channel' | 'agency' | 'county' | 'category';
  readonly key: string | null;
  readonly total: number;
  readonly open: number;
  readonly answered: number;
  readonly overdue: number;
  /** Escalated at least to the agency's manager / to the inspection office (ADR 22); 0 when absent. */
  readonly escalated?: number;
  readonly escalatedToInspection?: number;
  /** Closed on the call from a knowledge-base article, never sent to an agency (ADR 36); 0 when absent. */
  readonly answeredAtFirstContact?: number;
  readonly followUps: number;
  readonly returns: number;
  readonly onTimeRate: number | null;
  readonly meanHours: number | null;
  readonly p90Hours: number | null;
}

export interface GroupStatistics {
  total: number;
  /** Not yet answered or closed. */
  open: number;
  answered: number;
  /** Held by an agency past its due date. */
  overdue: number;
  /** Escalated after a missed deadline (level 1 or 2), and of those to the inspection office (level 2). */
  escalated: number;
  escalatedToInspection: number;
  /** Answered by the due date, as a fraction of answered (null when nothing was answered). */
  answeredOnTimeRate: number | null;
  /** Registration to answer. */
  meanHoursToAnswer: number | null;
  p90HoursToAnswer: number | null;
}

export interface Named {
  nameFa: string;
  nameEn: string;
}

export type AgencyStatistics = { rank: number; agencyCode: string } & Named & GroupStatistics;
export type CountyStatistics = { countyCode: string } & Named & GroupStatistics;
export type CategoryStatistics = { categoryCode: string } & Named & GroupStatistics;

export interface RequestSummary {
  window: { from: string | null; to: string | null };
  asOf: string;
  asOfJalali: string;
  total: number;
  /** Its own outcome: registered and closed on the call from a knowledge-base article (ADR 36). */
  answeredAtFirstContact: number;
  followUps: number;
  returns: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  byAgency: AgencyStatistics[];
  byCounty: CountyStatistics[];
  byCategory: CategoryStatistics[];
  timeToAnswer: {
    answered: number;
    meanHours: number | null;
    p90Hours: number | null;
    answeredOnTimeRate: number | null;
  };
}

const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const statisticsOf = (row: SummaryRow): GroupStatistics => ({
  total: row.total,
  open: row.open,
  answered: row.answered,
  overdue: row.overdue,
  escalated: row.escalated ?? 0,
  escalatedToInspection: row.escalatedToInspection ?? 0,
  answeredOnTimeRate: round(row.onTimeRate, 4),
  meanHoursToAnswer: round(row.meanHours, 2),
  p90HoursToAnswer: round(row.p90Hours, 2),
});

const namesOf = (kind: NamedKind, code: string): Named => {
  const { nameFa, nameEn } = nameOf(kind, code);
  return { nameFa, nameEn };
};

// Higher is better for the rate, lower for the time; "nothing answered yet" ranks below any answer.
const descendingNullsLast = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a;
const ascendingNullsLast = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b;

/**
 * The governor's office's ranking of agencies by responsiveness: share answered on time first, then mean
 * time to answer, then fewer overdue, then fewer escalations (the inspection office's first); the code breaks remaining ties so the order is stable.
 */
export const byResponsiveness = (
  a: GroupStatistics & { agencyCode: string },
  b: GroupStatistics & { agencyCode: string },
): number =>
  descendingNullsLast(a.answeredOnTimeRate, b.answeredOnTimeRate) ||
  ascendingNullsLast(a.meanHoursToAnswer, b.meanHoursToAnswer) ||
  a.overdue - b.overdue ||
  a.escalatedToInspection - b.escalatedToInspection ||
  a.escalated - b.escalated ||
  a.agencyCode.localeCompare(b.agencyCode);

const byTotalThenCode =
  <T extends GroupStatistics>(code: (row: T) => string) =>
  (a: T, b: T): number =>
    b.total - a.total || code(a).localeCompare(code(b));

/** Turns the grouping-set rows into the report: names from the catalog, zeros for empty statuses, ranked agencies. */
export function buildRequestSummary(
  rows: readonly SummaryRow[],
  window: { from?: Date; to?: Date },
  asOf: Date,
): RequestSummary {
  const of = (dimension: SummaryRow['dimension']): SummaryRow[] =>
    rows.filter((r) => r.dimension === dimension && r.key !== null);
  const all = rows.find((r) => r.dimension === 'all');
  const counts = (dimension: 'status' | 'channel', keys: readonly string[]): Record<string, number> => {
    const result: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
    for (const row of of(dimension)) result[row.key as string] = row.total;
    return result;
  };

  return {
    window: { from: window.from?.toISOString() ?? null, to: window.to?.toISOString() ?? null },
    asOf: asOf.toISOString(),
    asOfJalali: formatJalali(asOf),
    total: all?.total ?? 0,
    answeredAtFirstContact: all?.answeredAtFirstContact ?? 0,
    followUps: all?.followUps ?? 0,
    returns: all?.returns ?? 0,
    byStatus: counts('status', requestStatuses),
    byChannel: counts('channel', requestChannels),
    byAgency: of('agency')
      .map((row) => ({
        agencyCode: row.key as string,
        ...namesOf('agency', row.key as string),
        ...statisticsOf(row),
      }))
      .sort(byResponsiveness)
      .map((row, index) => ({ rank: index + 1, ...row })),
    byCounty: of('county')
      .map((row) => ({
        countyCode: row.key as string,
        ...namesOf('county', row.key as string),
        ...statisticsOf(row),
      }))
      .sort(byTotalThenCode((r) => r.countyCode)),
    byCategory: of('category')
      .map((row) => ({
        categoryCode: row.key as string,
        ...namesOf('category', row.key as string),
        ...statisticsOf(row),
      }))
      .sort(byTotalThenCode((r) => r.categoryCode)),
    timeToAnswer: {
      answered: all?.answered ?? 0,
      meanHours: round(all?.meanHours ?? null, 2),
      p90Hours: round(all?.p90Hours ?? null, 2),
      answeredOnTimeRate: round(all?.onTimeRate ?? null, 4),
    },
  };
}
