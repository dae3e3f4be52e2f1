import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { RequestStatusResponse } from './request-status.response.dto';

/** What every agency command endpoint answers, for the OpenAPI document. */
export const AgencyCommandEndpoint = (summary: string, description?: string): MethodDecorator =>
  applyDecorators(
    HttpCode(200),
    ApiOperation({ summary, description }),
    ApiHeader({
      name: 'X-Samad-Actor',
      required: false,
      description: 'Staff member id (until token auth, issue #5)',
    }),
    ApiOkResponse({ type: RequestStatusResponse, description: 'The request status after the command' }),
    ApiBadRequestResponse({
      description: 'Invalid tracking code, unknown agency or bad body (Problem Details)',
    }),
    ApiNotFoundResponse({
      description: "No such request in this agency's inbox (another agency's looks the same)",
    }),
    ApiConflictResponse({ description: 'The request is already answered or closed' }),
  );
