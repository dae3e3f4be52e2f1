import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InputValidationError, type FieldProblem } from './problem-details.filter';

const flatten = (errors: ValidationError[], prefix = ''): FieldProblem[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });

/** class-validator on every DTO; unknown fields are refused; every bad field is reported. */
export const samadValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InputValidationError(flatten(errors)),
  });
