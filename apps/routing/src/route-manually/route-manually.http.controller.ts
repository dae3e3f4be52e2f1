import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentActor, Roles, type ActorIdentity } from '@samad/service-kit';
import { RouteManuallyHandler } from './route-manually.handler';
import { RouteManuallyRequest } from './route-manually.request.dto';
import { RouteManuallyResponse } from './route-manually.response.dto';

@ApiTags('manual routing')
@Roles('supervisor')
@Controller('api/routing/requests')
export class RouteManuallyHttpController {
  constructor(private readonly handler: RouteManuallyHandler) {}

  @Post(':code/route')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A supervisor routes a request by hand',
    description:
      'For requests waiting in the manual queue, or not yet routed. The due date follows from the ' +
      "category's deadline in working days. A supervisor may send it to an agency that returned it.",
  })
  @ApiOkResponse({ type: RouteManuallyResponse })
  @ApiBadRequestResponse({ description: 'Invalid tracking code or unknown agency (Problem Details)' })
  @ApiNotFoundResponse({ description: 'No such request' })
  @ApiConflictResponse({ description: 'An agency already holds the request, or it is answered or closed' })
  route(
    @Param('code') code: string,
    @Body() body: RouteManuallyRequest,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<RouteManuallyResponse> {
    return this.handler.handle({ trackingCode: code, agencyCode: body.agencyCode, actor, correlationId });
  }
}
