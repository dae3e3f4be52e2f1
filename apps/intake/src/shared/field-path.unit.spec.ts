import { DomainError } from '@samad/request-lifecycle';
import { InputValidationError } from '@samad/service-kit';
import { asFieldProblems, toDtoFieldPath } from './field-path';

describe('domain field → DTO field path', () => {
  it('writes array indexes the way class-validator reports them', () => {
    expect(toDtoFieldPath('citizens[1].mobile')).toBe('citizens.1.mobile');
    expect(toDtoFieldPath('description')).toBe('description');
  });

  it('turns an invalid-input domain error into a field problem and lets others through', () => {
    const invalid = () => {
      throw new DomainError('INVALID_MOBILE', 'not a mobile', 'citizens[0].mobile');
    };
    expect(() => asFieldProblems(invalid)).toThrow(InputValidationError);
    try {
      asFieldProblems(invalid);
    } catch (error) {
      expect((error as InputValidationError).errors).toEqual([
        { field: 'citizens.0.mobile', message: 'not a mobile' },
      ]);
    }
    const conflict = new DomainError('REQUEST_ALREADY_CLOSED', 'closed');
    expect(() =>
      asFieldProblems(() => {
        throw conflict;
      }),
    ).toThrow(conflict);
    expect(asFieldProblems(() => 42)).toBe(42);
  });
});
