import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQuery, pageOfList, pageOfRows, pageWindow } from './paging';

const errorsOf = (query: Record<string, string>): string[] =>
  validateSync(plainToInstance(PageQuery, query)).map((e) => e.property);

describe('paging', () => {
  it('defaults to page 1 of 50 and turns a page into LIMIT/OFFSET', () => {
    expect(pageWindow({})).toEqual({ page: 1, pageSize: 50, limit: 50, offset: 0 });
    expect(pageWindow({ page: 3, pageSize: 20 })).toEqual({ page: 3, pageSize: 20, limit: 20, offset: 40 });
  });

  it('accepts 1..200 as a page size and refuses 0, 201, fractions and page 0', () => {
    expect(errorsOf({ page: '2', pageSize: '200' })).toEqual([]);
    expect(errorsOf({ pageSize: '0' })).toEqual(['pageSize']);
    expect(errorsOf({ pageSize: '201' })).toEqual(['pageSize']);
    expect(errorsOf({ pageSize: '2.5' })).toEqual(['pageSize']);
    expect(errorsOf({ page: '0' })).toEqual(['page']);
  });

  it('cuts a page from a list and says the total', () => {
    expect(pageOfList([1, 2, 3, 4, 5], pageWindow({ page: 2, pageSize: 2 }))).toEqual({
      items: [3, 4],
      total: 5,
      page: 2,
      pageSize: 2,
    });
  });

  it('takes the total from the rows, and counts only for a page past the end', async () => {
    const count = jest.fn(async () => 7);
    const rows = [{ total: 7, n: 1 }];
    expect(await pageOfRows(rows, pageWindow({}), (r) => r.n, count)).toEqual({
      items: [1],
      total: 7,
      page: 1,
      pageSize: 50,
    });
    expect(count).not.toHaveBeenCalled();
    expect((await pageOfRows([], pageWindow({}), (r: { total: number }) => r, count)).total).toBe(0);
    expect((await pageOfRows([], pageWindow({ page: 9 }), (r: { total: number }) => r, count)).total).toBe(7);
  });
});
