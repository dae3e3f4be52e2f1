import { InputValidationError } from '@samad/service-kit';
import { isDomainError } from '@samad/request-lifecycle';

/**
 * Runs a pure domain step; an invalid-input DomainError that names a field becomes a 400 field problem.
 * The decider names fields as the HTTP layer does (`citizens[1].mobile`), so the path passes through as is.
 */
export function asFieldProblems<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (isDomainError(error) && error.category === 'invalid' && error.field) {
      throw new InputValidationError([{ field: error.field, message: error.message }]);
    }
    throw error;
  }
}
