import type { ScorecardFigures } from './scorecard.aggregate';
import type { Scorecards } from './scorecards.handler';

/** Excel opens a UTF-8 file as UTF-8 (and shows Persian) only when it starts with the byte order mark. */
export const UTF8_BOM = '\uFEFF';

export const SCORECARD_CSV_COLUMNS = [
  'scope',
  'rank',
  'code',
  'name_fa',
  'name_en',
  'from_jalali',
  'to_jalali',
  'received',
  'answered',
  'answered_on_time',
  'answered_on_time_rate',
  'mean_working_days_to_answer',
  'p90_working_days_to_answer',
  'deadlines_missed',
  'escalations_level_1',
  'escalations_level_2',
  'reopened',
  'reopen_rate',
  'extensions_requested',
  'extensions_granted',
  'ratings',
  'mean_satisfaction',
  'answered_in_person',
] as const;

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
const field = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const figures = (f: ScorecardFigures): (number | null)[] => [
  f.received,
  f.answered,
  f.answeredOnTime,
  f.answeredOnTimeRate,
  f.meanWorkingDaysToAnswer,
  f.p90WorkingDaysToAnswer,
  f.deadlinesMissed,
  f.escalations.level1,
  f.escalations.level2,
  f.reopened,
  f.reopenRate,
  f.extensionsRequested,
  f.extensionsGranted,
  f.ratings,
  f.meanSatisfaction,
  f.answeredInPerson,
];

/**
 * The scorecards as one CSV table: ranked agencies, then ranked counties, then the province's total; the
 * period in Jalali days on every row, so a pasted-together sheet stays readable. CRLF line ends.
 */
export const scorecardsCsv = (scorecards: Scorecards): string =>
  UTF8_BOM +
  [SCORECARD_CSV_COLUMNS, ...scorecardRows(scorecards)].map((row) => row.map(field).join(',')).join('\r\n') +
  '\r\n';

/** The rows under `SCORECARD_CSV_COLUMNS`, the same in the CSV and the sheet. */
export const scorecardRows = (scorecards: Scorecards): (string | number | null)[][] => {
  const { fromJalali, toJalali } = scorecards.period;
  return [
    ...scorecards.byAgency.map((a) => [
      'agency',
      a.rank,
      a.agencyCode,
      a.nameFa,
      a.nameEn,
      fromJalali,
      toJalali,
      ...figures(a),
    ]),
    ...scorecards.byCounty.map((c) => [
      'county',
      c.rank,
      c.countyCode,
      c.nameFa,
      c.nameEn,
      fromJalali,
      toJalali,
      ...figures(c),
    ]),
    ['province', null, null, 'کل استان', 'Province', fromJalali, toJalali, ...figures(scorecards.total)],
  ];
};
