import { Open311Error } from './open311-format';
import { locationOf } from './open311-location';
import { dateRangeOf, listOf, pageOf } from './open311-query';

const failure = (run: () => unknown): { status: number; description: string } | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof Open311Error
      ? { status: error.status, description: error.description }
      : undefined;
  }
};

describe('Open311 query parameters', () => {
  it('takes start and end dates at most 90 days apart, the last 90 days by default', () => {
    const range = dateRangeOf({ start_date: '2026-10-01T00:00:00+03:30', end_date: '2026-12-01T00:00:00Z' });
    expect(range.from.toISOString()).toBe('2026-09-30T20:30:00.000Z');
    const open = dateRangeOf({});
    expect(open.to.getTime() - open.from.getTime()).toBe(90 * 86_400_000);
    expect(failure(() => dateRangeOf({ start_date: '2026-01-01', end_date: '2026-06-01' }))?.status).toBe(
      400,
    );
    expect(failure(() => dateRangeOf({ start_date: 'yesterday' }))?.description).toMatch(/start_date/);
    expect(failure(() => dateRangeOf({ start_date: '2026-02-01', end_date: '2026-01-01' }))?.status).toBe(
      400,
    );
  });

  it('pages with page and page_size (≤ 200), Persian digits accepted', () => {
    expect(pageOf({})).toEqual({ limit: 100, offset: 0 });
    expect(pageOf({ page: '۳', page_size: '20' })).toEqual({ limit: 20, offset: 40 });
    expect(failure(() => pageOf({ page_size: '201' }))?.status).toBe(400);
    expect(failure(() => pageOf({ page: '0' }))?.status).toBe(400);
  });

  it('splits comma lists', () => {
    expect(listOf('a, b,,c', 'x')).toEqual(['a', 'b', 'c']);
    expect(listOf(undefined, 'x')).toBeUndefined();
    expect(failure(() => listOf(['a'], 'x'))?.status).toBe(400);
  });
});

describe('Open311 location', () => {
  it('needs lat and long together, or an address', () => {
    expect(locationOf({ lat: '27.18', long: '56.27' })).toEqual({ lat: 27.18, long: 56.27 });
    expect(locationOf({ address_string: 'قشم' })).toEqual({ addressString: 'قشم' });
    expect(failure(() => locationOf({}))?.description).toMatch(/location is required/);
    expect(failure(() => locationOf({ lat: '27.18' }))?.description).toMatch(/together/);
    expect(failure(() => locationOf({ lat: 'north', long: '56' }))?.description).toMatch(/lat/);
  });

  it('refuses a point outside Hormozgan (Tehran), keeps Abu Musa island', () => {
    expect(failure(() => locationOf({ lat: '35.6892', long: '51.3890' }))?.description).toMatch(
      /outside Hormozgan/,
    );
    expect(locationOf({ lat: '25.87', long: '55.03' })).toMatchObject({ lat: 25.87 });
  });
});
