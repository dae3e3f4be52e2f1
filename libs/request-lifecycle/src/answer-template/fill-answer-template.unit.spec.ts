import { assertKnownPlaceholders, fillAnswerTemplate } from './fill-answer-template';

describe('answer templates', () => {
  const values = {
    citizen_name: 'زهرا کریمی',
    tracking_code: '4939146576',
    category: 'قبض آب',
    registered_at_jalali: '۱ فروردین ۱۴۰۵',
  };

  it('fills every placeholder, however it is spaced', () => {
    expect(
      fillAnswerTemplate(
        '{{citizen_name}} گرامی، درخواست {{ tracking_code }} ({{category}}) از {{registered_at_jalali}}',
        values,
      ),
    ).toBe('زهرا کریمی گرامی، درخواست 4939146576 (قبض آب) از ۱ فروردین ۱۴۰۵');
  });

  it('refuses an unknown placeholder', () => {
    expect(() => assertKnownPlaceholders('سلام {{nmae}}')).toThrow('unknown placeholder {{nmae}}');
    expect(() => assertKnownPlaceholders('سلام {{citizen_name}}')).not.toThrow();
  });
});
