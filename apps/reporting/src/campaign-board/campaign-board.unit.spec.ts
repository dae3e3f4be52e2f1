import { campaignBoard, type CampaignRequestRow } from './campaign-board';
import { boardFormatOf } from './campaign-board.http.controller';

const target = new Date('2026-12-03T20:29:59.999Z');
const now = new Date('2026-12-05T08:00:00Z');
const row = (r: Partial<CampaignRequestRow>): CampaignRequestRow => ({
  agencyCode: 'ABFA',
  countyCode: 'BND',
  dueAt: target,
  answeredAt: null,
  targetAt: target,
  escalationLevel: 0,
  ...r,
});

describe('campaign board', () => {
  it('counts per agency and county: answered, before the target, overdue, escalated', () => {
    const board = campaignBoard(
      'c-1',
      [
        row({ answeredAt: new Date('2026-12-02T08:00:00Z') }),
        row({ answeredAt: new Date('2026-12-04T08:00:00Z') }), // late: answered, overdue, not before target
        row({ escalationLevel: 1 }), // open and past due
        row({ agencyCode: 'BARGH', countyCode: 'MIN', dueAt: new Date('2026-12-09T08:00:00Z') }),
        row({ agencyCode: null, dueAt: null }),
      ],
      now,
    );
    expect(board.total).toEqual({
      received: 5,
      answered: 2,
      answeredBeforeTarget: 1,
      overdue: 2,
      escalated: 1,
    });
    expect(board.lines.map((l) => [l.agencyCode, l.countyCode, l.received, l.overdue])).toEqual([
      ['ABFA', 'BND', 3, 2],
      ['BARGH', 'MIN', 1, 0],
      [null, 'BND', 1, 0],
    ]);
    expect(board.lines[2].agencyNameFa).toBe('در انتظار ارجاع');
    expect(board.targetAt).toBe(target.toISOString());
    expect(board.campaignName).toBeNull();
    expect(board.lines[0]).toMatchObject({ countyNameFa: 'بندرعباس' });
  });

  it('names the campaign from any letter that carries its name', () => {
    const board = campaignBoard('c-2', [row({}), row({ campaignName: 'سفر استانی' })], now);
    expect(board.campaignName).toBe('سفر استانی');
  });

  it('chooses the format from ?format first, then Accept', () => {
    expect(boardFormatOf('xlsx', 'text/csv')).toBe('xlsx');
    expect(boardFormatOf(undefined, 'text/csv')).toBe('csv');
    expect(
      boardFormatOf(undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ).toBe('xlsx');
    expect(boardFormatOf(undefined, undefined)).toBe('json');
    expect(() => boardFormatOf('pdf', undefined)).toThrow();
  });
});
