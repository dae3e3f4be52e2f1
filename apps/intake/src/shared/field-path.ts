import { InputValidationError } from '@samad/service-kit';
import { isDomainError } from '@samad/request-lifecycle';

/** The decider names fields `citizens[1].mobile`; the HTTP layer (class-validator) says `citizens.1.mobile`. */
export const toDtoFieldPath = (domainField: string): string => domainField.replace(/\[(\d+)\]/g, '.$1');

/** Runs a pure domain step; an invalid-input DomainError that names a field becomes a 400 field problem. */
export function asFieldProblems<T>(
  step: () => T,
  fieldOf: (domainField: string) => string = toDtoFieldPath,
): T {
  try {
    return step();
  } catch (error) {
    if (isDomainError(error) && error.category === 'invalid' && error.field) {
      throw new InputValidationError([{ field: fieldOf(error.field), message: error.message }]);
    }
    throw error;
  }
}
