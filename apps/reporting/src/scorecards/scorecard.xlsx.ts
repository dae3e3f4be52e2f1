import ExcelJS from 'exceljs';
import { SCORECARD_CSV_COLUMNS, scorecardRows } from './scorecard.csv';
import type { Scorecards } from './scorecards.handler';

/** The CSV's table as one right-to-left sheet with a bold header, named after the Jalali period. */
export const scorecardsXlsx = async (scorecards: Scorecards): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samad';
  const { fromJalali, toJalali } = scorecards.period;
  const sheet = workbook.addWorksheet(`کارنامه ${fromJalali} تا ${toJalali}`.slice(0, 31), {
    views: [{ rightToLeft: true }],
  });
  sheet.addRow([...SCORECARD_CSV_COLUMNS]).font = { bold: true };
  for (const row of scorecardRows(scorecards)) sheet.addRow(row.map((cell) => cell ?? ''));
  sheet.columns.forEach((column) => (column.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
