import { DEFAULT_OFFICE_HOURS } from '@samad/request-lifecycle';
import { figuresOf, rankedBy, type CountedFact } from './scorecard.aggregate';
import ExcelJS from 'exceljs';
import { SCORECARD_CSV_COLUMNS, scorecardsCsv, UTF8_BOM } from './scorecard.csv';
import { scorecardsXlsx } from './scorecard.xlsx';
import type { Scorecards } from './scorecards.handler';

const calendar = {
  thursday: 'working' as const,
  officeHours: DEFAULT_OFFICE_HOURS,
  holidays: new Set<string>(),
};
const facts: CountedFact[] = [
  {
    kind: 'answered',
    trackingCode: '1000000001',
    agencyCode: 'ABFA',
    countyCode: 'BND',
    receivedAt: new Date('2026-12-01T06:30:00Z'),
    at: new Date('2026-12-05T06:30:00Z'),
    dueAt: new Date('2026-12-06T06:30:00Z'),
  },
  { kind: 'received', trackingCode: '1000000002', agencyCode: 'BARGH', countyCode: 'MIN', at: new Date() },
];

const scorecards: Scorecards = {
  period: { from: '', to: '', fromJalali: '1405-09-01', toJalali: '1405-09-30' },
  asOf: '',
  asOfJalali: '',
  calendar: { thursday: 'working', officeHours: '07:30-14:30', declaredHolidays: 'routing.holidays' },
  total: figuresOf(facts, calendar),
  byAgency: rankedBy('agencyCode', facts, calendar),
  byCounty: rankedBy('countyCode', facts, calendar),
  trend: [],
  notes: [],
};

describe('scorecards as CSV', () => {
  const csv = scorecardsCsv(scorecards);
  const lines = csv.slice(1).split('\r\n');

  it('starts with the UTF-8 byte order mark and ends every line with CRLF', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has a header, agencies then counties ranked, then the province, all with the same columns', () => {
    expect(lines[0]).toBe(SCORECARD_CSV_COLUMNS.join(','));
    const rows = lines.slice(1, -1).map((line) => line.split(','));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['agency', '1', 'ABFA'],
      ['agency', '2', 'BARGH'],
      ['county', '1', 'BND'],
      ['county', '2', 'MIN'],
      ['province', '', ''],
    ]);
    for (const row of rows) expect(row).toHaveLength(SCORECARD_CSV_COLUMNS.length);
  });

  it('writes Persian names, Jalali days and the figures; nothing yet is an empty cell', () => {
    const abfa = Object.fromEntries(SCORECARD_CSV_COLUMNS.map((c, i) => [c, lines[1].split(',')[i]]));
    expect(abfa).toMatchObject({
      name_fa: 'شرکت آب و فاضلاب استان هرمزگان',
      from_jalali: '1405-09-01',
      to_jalali: '1405-09-30',
      received: '0',
      answered: '1',
      answered_on_time: '1',
      answered_on_time_rate: '1',
      mean_working_days_to_answer: '3',
      mean_satisfaction: '',
    });
  });

  it('quotes a field with a comma or a quote', () => {
    const named = {
      ...scorecards,
      byAgency: [{ ...scorecards.byAgency[0], nameEn: 'Water, "and" Wastewater' }],
      byCounty: [],
    };
    expect(scorecardsCsv(named).split('\r\n')[1]).toContain('"Water, ""and"" Wastewater"');
  });
});

describe('scorecards as XLSX', () => {
  it('is one right-to-left sheet with the CSV table: header, agencies, counties, the province', async () => {
    const bytes = await scorecardsXlsx(scorecards);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const [sheet] = workbook.worksheets;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...SCORECARD_CSV_COLUMNS]);
    expect(values(2).slice(0, 3)).toEqual(['agency', 1, 'ABFA']);
    expect(values(sheet.rowCount).slice(3, 5)).toEqual(['کل استان', 'Province']);
  });
});
