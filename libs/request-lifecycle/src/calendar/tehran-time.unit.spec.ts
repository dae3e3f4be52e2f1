import { fromTehranWallClock, tehranDateKey, toTehranWallClock } from './tehran-time';

describe('Tehran time', () => {
  it('gives the Tehran date key, which may differ from the UTC date', () => {
    expect(tehranDateKey(new Date('2024-03-19T20:29:00Z'))).toBe('2024-03-19');
    expect(tehranDateKey(new Date('2024-03-19T20:30:00Z'))).toBe('2024-03-20');
  });

  it('reads and writes the wall clock, with the offset of the day', () => {
    expect(toTehranWallClock(new Date('2024-10-15T05:30:00.250Z'))).toEqual({
      year: 2024,
      month: 10,
      day: 15,
      hour: 9,
      minute: 0,
      second: 0,
      millisecond: 250,
    });
    const summer2021 = { year: 2021, month: 6, day: 1, hour: 16, minute: 30, second: 0, millisecond: 0 };
    expect(fromTehranWallClock(summer2021)).toEqual(new Date('2021-06-01T12:00:00Z'));
    expect(toTehranWallClock(fromTehranWallClock(summer2021))).toEqual(summer2021);
  });
});
