import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { EventStore } from '@samad/event-store';
import { DomainError, isRegistered, isValidTrackingCode, parseTrackingCode } from '@samad/request-lifecycle';
import { EVENT_STORE, loadRequest } from '@samad/service-kit';
import { TrackRequestResponseDto } from './track-request.response.dto';
import { provesOwnership, trackedView } from './track-request.view';

// One answer for a malformed code, an unknown code and a wrong mobile: reveals nothing about whether the code exists.
const notFound = (): DomainError =>
  new DomainError(
    'REQUEST_NOT_FOUND',
    'درخواستی با این کد رهگیری و شماره همراه یافت نشد (no request matches this tracking code and mobile number)',
  );

@ApiTags('track')
@Controller('api/track')
export class TrackRequestHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':code')
  @ApiOperation({
    summary: 'A citizen’s status lookup by tracking code and the last four digits of their mobile',
    description: 'No authentication. Read straight from the request’s stream; shows no personal data.',
  })
  @ApiParam({ name: 'code', description: 'Tracking code; Persian digits and dashes accepted' })
  @ApiQuery({ name: 'mobileLast4', description: 'Last four digits of a mobile registered on the request' })
  @ApiOkResponse({ type: TrackRequestResponseDto })
  @ApiNotFoundResponse({
    description: 'Unknown or malformed code, or the digits do not match (one answer for all)',
  })
  async track(
    @Param('code') code: string,
    @Query('mobileLast4') mobileLast4: unknown,
  ): Promise<TrackRequestResponseDto> {
    if (typeof mobileLast4 !== 'string' || !isValidTrackingCode(code)) throw notFound();
    const { state } = await loadRequest(this.store, parseTrackingCode(code));
    if (!isRegistered(state) || !provesOwnership(state, mobileLast4)) throw notFound();
    return trackedView(state);
  }
}
