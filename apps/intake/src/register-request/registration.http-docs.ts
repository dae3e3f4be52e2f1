import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InputValidationError } from '@samad/service-kit';

// Visible ASCII only: the key is stored and compared byte for byte.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` header as given, refused with a field error when it is not 1–255 visible ASCII. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new InputValidationError([
      { field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
    ]);
  }
  return header;
}

/** What every registering endpoint documents alike: the key, the 201 with its headers, 400 and 422. */
export const RegistrationResponses = (type: Type<unknown>): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Up to 255 visible ASCII characters',
    }),
    ApiCreatedResponse({
      type,
      headers: {
        Location: { description: '/api/track/<trackingCode>', schema: { type: 'string' } },
        'Idempotent-Replayed': { description: 'true on a replay', schema: { type: 'string' } },
      },
    }),
    ApiBadRequestResponse({ description: 'Problem Details with `errors: [{ field, message }]`' }),
    ApiUnprocessableEntityResponse({ description: 'idempotency-key-reused: same key, different body' }),
  );
