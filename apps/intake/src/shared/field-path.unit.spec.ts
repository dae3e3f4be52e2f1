import { DomainError } from '@samad/request-lifecycle';
import { InputValidationError } from '@samad/service-kit';
import { asFieldProblems } from './field-path';

describe('domain errors as field problems', () => {
  it('names the field exactly as the decider does, bracketed indexes and dotted properties', () => {
    const invalid = () => {
      throw new DomainError('INVALID_MOBILE', 'not a mobile', 'citizens[1].mobile');
    };
    expect(() => asFieldProblems(invalid)).toThrow(InputValidationError);
    try {
      asFieldProblems(invalid);
    } catch (error) {
      expect((error as InputValidationError).errors).toEqual([
        { field: 'citizens[1].mobile', message: 'not a mobile' },
      ]);
    }
  });

  it('lets other errors and results through', () => {
    const conflict = new DomainError('REQUEST_ALREADY_CLOSED', 'closed');
    expect(() =>
      asFieldProblems(() => {
        throw conflict;
      }),
    ).toThrow(conflict);
    const unnamed = new DomainError('INVALID_VALUE', 'bad');
    expect(() =>
      asFieldProblems(() => {
        throw unnamed;
      }),
    ).toThrow(unnamed);
    expect(asFieldProblems(() => 42)).toBe(42);
  });
});
