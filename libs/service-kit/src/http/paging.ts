import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Page size when the caller names none, and the most a caller may ask for (issue #14 item 10). */
export const defaultPageSize = 50;
export const maxPageSize = 200;

/** The sentence every paged endpoint's OpenAPI description ends with. */
export const pagingDescription =
  'Paged: `page` (1-based, default 1) and `pageSize` (default 50, at most 200); the answer carries ' +
  '`total` (matches over all pages), `page` and `pageSize`. The order is stable (a unique tiebreaker), ' +
  'so walking the pages sees every item once.';

/** `?page=&pageSize=` for every list endpoint; extend it with the endpoint's own filters. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100000, description: '1-based page number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: defaultPageSize, minimum: 1, maximum: maxPageSize })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(maxPageSize)
  pageSize?: number;
}

/** The paging fields of every list answer; the endpoint's response class adds its `items`. */
export class PageFields {
  @ApiProperty({ example: 137, description: 'Items matching the filters, over all pages' }) total!: number;
  @ApiProperty({ example: 1, description: '1-based page number' }) page!: number;
  @ApiProperty({ example: defaultPageSize }) pageSize!: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  /** SQL `LIMIT` and `OFFSET`. */
  limit: number;
  offset: number;
}

/** The page a query asks for, with defaults filled in. */
export function pageWindow(query: PageQuery | undefined): PageWindow {
  const page = query?.page ?? 1;
  const pageSize = query?.pageSize ?? defaultPageSize;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** One page cut from a whole list already in memory (small lists: rules, agencies, holidays). */
export function pageOfList<T>(all: readonly T[], window: PageWindow): Page<T> {
  return {
    items: all.slice(window.offset, window.offset + window.limit),
    total: all.length,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/**
 * One page from rows selected with `(count(*) OVER ())::int AS total` and `LIMIT/OFFSET`. A page past
 * the end has no row to carry the total, so `countAll` is asked then.
 */
export async function pageOfRows<R extends { total: number | string }, T>(
  rows: R[],
  window: PageWindow,
  toItem: (row: R) => T,
  countAll: () => Promise<number>,
): Promise<Page<T>> {
  const total = rows.length > 0 ? Number(rows[0].total) : window.page === 1 ? 0 : await countAll();
  return { items: rows.map(toItem), total, page: window.page, pageSize: window.pageSize };
}
