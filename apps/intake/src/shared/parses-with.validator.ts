import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isDomainError } from '@samad/request-lifecycle';

const problemOf = (parse: (input: string) => unknown, value: unknown): string | undefined => {
  if (typeof value !== 'string') return 'must be a string';
  try {
    parse(value);
    return undefined;
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
};

/**
 * Checks a field with one of the domain's own parsers (which accept Persian digits, spaces and dashes),
 * so every bad field is reported in one 400 and the edge never disagrees with the decider.
 */
export function ParsesWith(
  parse: (input: string) => unknown,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'parsesWith',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => problemOf(parse, value) === undefined,
        defaultMessage: (args) => problemOf(parse, args?.value) ?? 'invalid value',
      },
    });
}
