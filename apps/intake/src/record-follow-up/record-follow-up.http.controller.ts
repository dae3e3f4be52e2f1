import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { EventStore } from '@samad/event-store';
import { parseTrackingCode, type RecordFollowUp } from '@samad/request-lifecycle';
import { CorrelationId, CurrentActor, EVENT_STORE, Roles, type ActorIdentity } from '@samad/service-kit';
import { handleRequestCommand } from '@samad/request-application';
import { asFieldProblems } from '../shared/field-path';
import { RecordFollowUpDto } from './record-follow-up.request.dto';
import { RecordFollowUpResponseDto } from './record-follow-up.response.dto';

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class RecordFollowUpHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':code/follow-ups')
  @ApiOperation({ summary: 'Record that the citizen followed up on a request (پیگیری)' })
  @ApiParam({ name: 'code', description: 'Tracking code; Persian digits and dashes accepted' })
  @ApiCreatedResponse({ type: RecordFollowUpResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed tracking code (check digit) or body' })
  @ApiNotFoundResponse({ description: 'No request with this tracking code' })
  @ApiConflictResponse({ description: 'The request is closed' })
  async record(
    @Param('code') code: string,
    @Body() body: RecordFollowUpDto,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<RecordFollowUpResponseDto> {
    const trackingCode = asFieldProblems(() => parseTrackingCode(code, 'code'));
    const command: RecordFollowUp = {
      type: 'RecordFollowUp',
      data: { trackingCode, now: new Date(), note: body.note, channel: body.channel },
    };
    await handleRequestCommand(this.store, command, { actor, correlationId });
    return { trackingCode, recordedAt: command.data.now.toISOString() };
  }
}
