import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { fieldPath } from './field-path';
import { InputValidationError, type FieldProblem } from './problem-details';

// class-validator nests an array's elements as children whose property is the index.
const flatten = (errors: ValidationError[], parent = '', parentIsArray = false): FieldProblem[] =>
  errors.flatMap((e) => {
    const field = fieldPath(parent, e.property, parentIsArray);
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field, Array.isArray(e.value))];
  });

/** class-validator on every DTO; unknown fields are refused; every bad field is reported, as `citizens[1].mobile`. */
export const samadValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // Keep each error's value: an array value tells its children's properties are indexes (`citizens[1]`).
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new InputValidationError(flatten(errors)),
  });
