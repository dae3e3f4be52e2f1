import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { EventStore } from '@samad/event-store';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import {
  formatJalali,
  isRegistered,
  parseTrackingCode,
  type RegisteredRequest,
} from '@samad/request-lifecycle';
import {
  CorrelationId,
  CurrentActor,
  EVENT_STORE,
  InputValidationError,
  Roles,
  type ActorIdentity,
} from '@samad/service-kit';
import { CloseRequestRequest, CloseRequestResponse } from './close-request.request.dto';

@ApiTags('deadlines')
@Roles('supervisor')
@Controller('api/routing/requests')
export class CloseRequestHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':code/close')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A supervisor closes a request as a duplicate of another, or withdrawn by the citizen',
    description:
      "Recorded as RequestClosed; the citizen's lookup then shows the reason and, for a duplicate, the " +
      "original's tracking code. Its deadline stops.",
  })
  @ApiOkResponse({ type: CloseRequestResponse })
  @ApiBadRequestResponse({ description: 'Invalid code, reason, or an original that does not exist' })
  @ApiNotFoundResponse({ description: 'No such request' })
  @ApiConflictResponse({ description: 'Already closed for another reason' })
  async close(
    @Param('code') code: string,
    @Body() body: CloseRequestRequest,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<CloseRequestResponse> {
    const trackingCode = parseTrackingCode(code, 'code');
    let duplicateOf: string | undefined;
    if (body.duplicateOf !== undefined) {
      duplicateOf = parseTrackingCode(body.duplicateOf, 'duplicateOf');
      // The citizen is sent to the original: it has to exist.
      if (!isRegistered((await loadRequest(this.store, duplicateOf)).state)) {
        throw new InputValidationError([
          { field: 'duplicateOf', message: 'no request with this tracking code' },
        ]);
      }
    }
    const outcome = await handleRequestCommand(
      this.store,
      {
        type: 'Close',
        data: { trackingCode, now: new Date(), reason: body.reason, duplicateOf, note: body.note },
      },
      { actor, correlationId },
    );
    const closure = (outcome.state as RegisteredRequest).closure!;
    return {
      trackingCode,
      status: 'closed',
      reason: closure.reason,
      ...(closure.duplicateOf !== undefined && { duplicateOf: closure.duplicateOf }),
      closedAt: closure.at,
      closedAtJalali: formatJalali(new Date(closure.at)),
    };
  }
}
