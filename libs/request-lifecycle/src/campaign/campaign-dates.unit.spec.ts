import { capDueByCampaign, endOfTehranDay, parseCalendarDay } from './campaign-dates';

describe('campaign dates', () => {
  it('reads Jalali (Persian digits too) and ISO days as a Gregorian day key', () => {
    expect(parseCalendarDay('1405/09/12')).toBe('2026-12-03');
    expect(parseCalendarDay('۱۴۰۵/۰۹/۱۲')).toBe('2026-12-03');
    expect(parseCalendarDay('2026-12-03')).toBe('2026-12-03');
  });

  it('refuses days the month does not have and anything else', () => {
    expect(parseCalendarDay('1405/07/31')).toBeUndefined(); // Mehr has 30 days
    expect(parseCalendarDay('2026-02-30')).toBeUndefined();
    expect(parseCalendarDay('next week')).toBeUndefined();
  });

  it('ends a day at midnight Tehran time (UTC+03:30)', () => {
    expect(endOfTehranDay('2026-12-03').toISOString()).toBe('2026-12-03T20:29:59.999Z');
  });

  it('caps a due date by the campaign target, and leaves it alone without a campaign', () => {
    const due = new Date('2026-12-10T10:00:00Z');
    expect(capDueByCampaign(due, '2026-12-03T20:29:59.999Z').toISOString()).toBe('2026-12-03T20:29:59.999Z');
    expect(capDueByCampaign(due, '2026-12-31T20:29:59.999Z')).toBe(due);
    expect(capDueByCampaign(due, undefined)).toBe(due);
  });
});
