import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@samad/event-store';
import {
  DomainError,
  maskPersonalIdentifiers,
  parseTrackingCode,
  requestStreamName,
} from '@samad/request-lifecycle';
import { EVENT_STORE, Roles } from '@samad/service-kit';
import { RequestHistoryResponseDto } from './request-history.response.dto';
import {
  toHistoryEntry,
  toVerificationView,
  type HistoryEntry,
  type VerificationView,
} from './request-history.view';

export interface RequestHistory {
  trackingCode: string;
  streamId: string;
  events: HistoryEntry[];
  verification: VerificationView;
}

/**
 * The auditor's view: read straight from the event store (the source of truth), never from a read model.
 * National codes and mobiles are masked (last four digits) for every role allowed here; seeing them in
 * clear takes POST /api/requests/{code}/personal-data/reveal with a reason, which is recorded.
 */
@ApiTags('audit')
@Roles('auditor', 'supervisor', 'admin')
@Controller('api/requests')
export class RequestHistoryHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':code/history')
  @ApiOperation({
    summary: "A request's full history from the event store, with its hash chain verified",
    description:
      'Every event in stream order with revision, times, actor, correlation, position and hash. National codes ' +
      'and mobiles are masked to their last four digits (reveal them with a reason to see them in clear).',
  })
  @ApiParam({
    name: 'code',
    description: 'Tracking code (Persian digits and dashes accepted)',
    example: '1000000170',
  })
  @ApiOkResponse({ type: RequestHistoryResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed tracking code (Problem Details)' })
  @ApiNotFoundResponse({ description: 'No request with this tracking code (Problem Details)' })
  async history(@Param('code') code: string): Promise<RequestHistory> {
    // Throws INVALID_TRACKING_CODE (400, naming the `code` field) for a wrong length or check digit.
    const trackingCode = parseTrackingCode(code, 'code');
    const streamId = requestStreamName(trackingCode);
    let events: RecordedEvent[];
    try {
      events = await this.store.readStream(streamId);
    } catch (error) {
      if (error instanceof StreamNotFoundError) {
        throw new DomainError('REQUEST_NOT_FOUND', `no request with tracking code ${trackingCode}`);
      }
      throw error;
    }
    const verification = await this.store.verifyStream(streamId);
    return {
      trackingCode,
      streamId,
      events: events.map((event) => ({
        ...toHistoryEntry(event),
        data: maskPersonalIdentifiers(event.data),
      })),
      verification: toVerificationView(verification),
    };
  }
}
