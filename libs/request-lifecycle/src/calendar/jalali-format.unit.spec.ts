import { formatJalali } from './jalali-format';

describe('formatJalali', () => {
  it('shows the Jalali date and Tehran time with Persian digits', () => {
    // 21:00 UTC on 19 March 2024 is 00:30 on 1 Farvardin 1403 (Nowruz) in Tehran.
    const shown = formatJalali(new Date('2024-03-19T21:00:00Z'));
    expect(shown).toContain('۱ فروردین ۱۴۰۳');
    expect(shown).toContain('۰:۳۰');
  });

  it('uses Tehran, not UTC, to decide the day', () => {
    expect(formatJalali(new Date('2024-03-19T20:00:00Z'))).toContain('۲۹ اسفند ۱۴۰۲');
  });
});
