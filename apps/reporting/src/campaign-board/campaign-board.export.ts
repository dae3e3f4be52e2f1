import ExcelJS from 'exceljs';
import { formatJalali } from '@samad/request-lifecycle';
import { UTF8_BOM } from '../scorecards/scorecard.csv';
import type { CampaignBoard } from './campaign-board';

/** Persian column headers, the same in the CSV and the sheet. */
export const CAMPAIGN_BOARD_HEADERS = [
  'دستگاه',
  'کد دستگاه',
  'شهرستان',
  'کد شهرستان',
  'دریافتی',
  'پاسخ‌داده‌شده',
  'پاسخ پیش از موعد سفر',
  'معوق',
  'ارجاع به بازرسی',
] as const;

type Cell = string | number;

const rowsOf = (board: CampaignBoard): Cell[][] => [
  ...board.lines.map((l) => [
    l.agencyNameFa,
    l.agencyCode ?? '',
    l.countyNameFa,
    l.countyCode,
    l.received,
    l.answered,
    l.answeredBeforeTarget,
    l.overdue,
    l.escalated,
  ]),
  ['جمع کل', '', '', '', ...Object.values(board.total)],
];

const field = (value: Cell): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const headerLines = (board: CampaignBoard): Cell[][] => [
  ['سفر', board.campaignName ?? board.campaignId],
  ['شناسه سفر', board.campaignId],
  ['موعد پاسخ', board.targetAt ? formatJalali(new Date(board.targetAt)) : ''],
  ['تاریخ گزارش', formatJalali(new Date(board.asOf))],
];

/** UTF-8 with a BOM (so Excel shows Persian), CRLF line ends; the campaign and dates in Jalali first. */
export const campaignBoardCsv = (board: CampaignBoard): string =>
  UTF8_BOM +
  [...headerLines(board), [], [...CAMPAIGN_BOARD_HEADERS], ...rowsOf(board)]
    .map((row) => row.map(field).join(','))
    .join('\r\n') +
  '\r\n';

/** One right-to-left sheet: the campaign and Jalali dates on top, then the table with a bold header. */
export const campaignBoardXlsx = async (board: CampaignBoard): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samad';
  const sheet = workbook.addWorksheet('کارنامه سفر', { views: [{ rightToLeft: true }] });
  for (const line of headerLines(board)) sheet.addRow(line);
  sheet.addRow([]);
  const header = sheet.addRow([...CAMPAIGN_BOARD_HEADERS]);
  header.font = { bold: true };
  for (const row of rowsOf(board)) sheet.addRow(row);
  sheet.columns.forEach((column) => (column.width = 20));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
