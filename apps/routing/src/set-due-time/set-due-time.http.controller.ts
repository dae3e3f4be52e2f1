import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import type { EventStore } from '@samad/event-store';
import { handleRequestCommand } from '@samad/request-application';
import { formatJalali, parseTrackingCode, type RegisteredRequest } from '@samad/request-lifecycle';
import { CorrelationId, CurrentActor, EVENT_STORE, Roles, type ActorIdentity } from '@samad/service-kit';
import { SetDueTimeRequest, SetDueTimeResponse } from './set-due-time.request.dto';

@ApiTags('deadlines')
@Roles('supervisor')
@Controller('api/routing/requests')
export class SetDueTimeHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':code/due-time')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A supervisor sets or shortens the due time of one request',
    description:
      'For a request an agency holds: an urgent matter can be due in two hours. Recorded as a DueTimeSet ' +
      'fact with the reason; a new deadline starts, which the deadline watcher follows.',
  })
  @ApiOkResponse({ type: SetDueTimeResponse })
  @ApiBadRequestResponse({ description: 'Invalid code, due time not in the future, or no reason' })
  @ApiNotFoundResponse({ description: 'No such request' })
  @ApiConflictResponse({ description: 'No agency holds the request (answered, returned, closed, unrouted)' })
  async setDueTime(
    @Param('code') code: string,
    @Body() body: SetDueTimeRequest,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<SetDueTimeResponse> {
    const trackingCode = parseTrackingCode(code, 'code');
    const outcome = await handleRequestCommand(
      this.store,
      {
        type: 'SetDueTime',
        data: {
          trackingCode,
          now: new Date(),
          dueAt: new Date(body.dueAt),
          reason: body.reason,
          setBy: actor.id,
        },
      },
      { actor, correlationId },
    );
    const request = outcome.state as RegisteredRequest;
    const dueAt = request.dueAt ?? body.dueAt;
    return {
      trackingCode,
      agencyCode: request.agencyCode ?? '',
      dueAt,
      dueAtJalali: formatJalali(new Date(dueAt)),
    };
  }
}
