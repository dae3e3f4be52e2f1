import { DEFAULT_OFFICE_HOURS, isSolarHoliday } from '@samad/request-lifecycle';
import { agencyRoutedFor, officeCalendarAround } from './manager-answer';

describe("the manager's agency and due date (ADR 38)", () => {
  it("names the county's rule first, else the category's default agency, else nobody", () => {
    expect(agencyRoutedFor('WAT-CUT', 'BND')).toBe('ABFA');
    expect(agencyRoutedFor('MUN-WASTE', 'QSM')).toBe('QFZ');
    expect(agencyRoutedFor('MUN-WASTE', 'BND')).toBe('SHAHRDARI');
    expect(agencyRoutedFor('NOPE', 'BND')).toBeUndefined();
  });

  it('knows the fixed solar holidays of this Jalali year and the next', () => {
    const calendar = officeCalendarAround(new Date('2026-12-03T06:00:00Z'), {
      thursday: 'working',
      officeHours: DEFAULT_OFFICE_HOURS,
    });
    expect(calendar.holidays.size).toBeGreaterThan(10);
    expect([...calendar.holidays].every(isSolarHoliday)).toBe(true);
    expect(calendar.holidays.has('2027-03-21')).toBe(true); // Nowruz, 1406/01/01
  });
});
