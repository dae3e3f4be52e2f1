import { isDomainError } from '../shared/domain-error';
import { parseViewReason } from './personal-data-viewed';

const failure = (raw: unknown): unknown => {
  try {
    parseViewReason(raw);
  } catch (error) {
    return isDomainError(error) ? { code: error.code, field: error.field } : error;
  }
  return undefined;
};

describe('parseViewReason', () => {
  it('accepts Persian text, trimmed and normalised', () => {
    expect(parseViewReason('  تماس با شهروند برای پیگیری شکایت  ')).toBe('تماس با شهروند برای پیگیری شکایت');
    expect(parseViewReason('بررسي\u202e پرونده')).toBe('بررسی پرونده');
  });

  it('refuses a missing, blank, non-text, too short or too long reason, naming the field', () => {
    expect(failure(undefined)).toEqual({ code: 'VALUE_REQUIRED', field: 'reason' });
    expect(failure('   ')).toEqual({ code: 'VALUE_REQUIRED', field: 'reason' });
    expect(failure(42)).toEqual({ code: 'INVALID_VALUE', field: 'reason' });
    expect(failure('abcd')).toEqual({ code: 'INVALID_VALUE', field: 'reason' });
    expect(failure('ب'.repeat(501))).toEqual({ code: 'INVALID_VALUE', field: 'reason' });
    expect(parseViewReason('ب'.repeat(500))).toHaveLength(500);
  });
});
