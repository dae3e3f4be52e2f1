import { BadRequestException } from '@nestjs/common';

export interface FieldProblem {
  /** Where the bad value is, e.g. `citizens[1].mobile`: bracketed array indexes, dotted properties. */
  field: string;
  message: string;
}

/** RFC 9457 Problem Details: the one error shape every Samad HTTP API answers with. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  /** Stable, UPPER_SNAKE_CASE; clients branch on this, never on the title. */
  code: string;
  detail?: string;
  errors?: FieldProblem[];
}

/** Thrown by controllers for bad input; carries each bad field so the caller can fix them all at once. */
export class InputValidationError extends BadRequestException {
  constructor(readonly errors: FieldProblem[]) {
    super('invalid input');
  }
}

/**
 * A refusal written for the caller, under a code listed in the problem catalog: it may name the field at
 * fault (shown beside it, as `errors`) and explain itself (`detail`), both safe to send.
 */
export class ClientProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly explained: { readonly field?: string; readonly detail?: string } = {},
  ) {
    super(message);
  }
}
