import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { Roles } from '@samad/service-kit';
import { RequestStatusResponse } from './request-status.response.dto';

/** Who may run an agency command (its staff, or its system), and what it answers, for the OpenAPI document. */
export const AgencyCommandEndpoint = (summary: string, description?: string): MethodDecorator =>
  applyDecorators(
    Roles('agency_staff', 'agency_system'),
    HttpCode(200),
    ApiOperation({ summary, description }),
    ApiOkResponse({ type: RequestStatusResponse, description: 'The request status after the command' }),
    ApiBadRequestResponse({
      description: 'Invalid tracking code, unknown agency code or bad body (Problem Details)',
    }),
    ApiNotFoundResponse({
      description:
        "No such request in the caller's agency's inbox (another agency's request, or naming another agency, looks the same)",
    }),
    ApiConflictResponse({ description: 'The request is already answered or closed' }),
  );
