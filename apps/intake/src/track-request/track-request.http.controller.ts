import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { DomainError, isRegistered, isValidTrackingCode, parseTrackingCode } from '@samad/request-lifecycle';
import { EVENT_STORE, Public, SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import { loadRequest } from '@samad/request-application';
import { TrackRequestResponseDto } from './track-request.response.dto';
import { provesOwnership, trackedView } from './track-request.view';
import { TrackRateLimit } from './track-rate-limit';

// One answer for a malformed code, an unknown code and a wrong mobile: reveals nothing about whether the code exists.
const notFound = (): DomainError =>
  new DomainError(
    'REQUEST_NOT_FOUND',
    'درخواستی با این کد رهگیری و شماره همراه یافت نشد (no request matches this tracking code and mobile number)',
  );

@ApiTags('track')
@Public()
@Controller('api/track')
export class TrackRequestHttpController {
  private readonly rateLimit: TrackRateLimit;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    dataSource: DataSource,
  ) {
    this.rateLimit = new TrackRateLimit(dataSource, config.trackRateLimit!);
  }

  @Get(':code')
  @ApiOperation({
    summary: 'A citizen’s status lookup by tracking code and the last four digits of their mobile',
    description:
      'No authentication; rate-limited per client address (every lookup) and per code (failed proofs), ' +
      'counted in PostgreSQL across replicas (429 with Retry-After). On a collective request the digits ' +
      'must be those of the signatory named by `signatory`. Read straight from the request’s stream; ' +
      'shows no personal data.',
  })
  @ApiParam({ name: 'code', description: 'Tracking code; Persian digits and dashes accepted' })
  @ApiQuery({
    name: 'mobileLast4',
    description: 'Last four digits of the asking citizen’s registered mobile',
  })
  @ApiQuery({
    name: 'signatory',
    required: false,
    description:
      'Collective requests (required there): which signature is the asker’s, 1 = the first citizen',
  })
  @ApiOkResponse({ type: TrackRequestResponseDto })
  @ApiNotFoundResponse({
    description: 'Unknown or malformed code, or the digits do not match (one answer for all)',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many lookups from this client or for this code' })
  async track(
    @Param('code') code: string,
    @Query('mobileLast4') mobileLast4: unknown,
    @Query('signatory') signatory: unknown,
    @Req() request: Request,
  ): Promise<TrackRequestResponseDto> {
    const trackingCode = isValidTrackingCode(code) ? parseTrackingCode(code) : undefined;
    const attempt = await this.rateLimit.admit(request.ip ?? 'unknown', trackingCode);
    if (typeof mobileLast4 !== 'string' || trackingCode === undefined) throw notFound();
    if (signatory !== undefined && typeof signatory !== 'string') throw notFound();
    const { state } = await loadRequest(this.store, trackingCode);
    const asking = isRegistered(state) ? provesOwnership(state, mobileLast4, signatory) : undefined;
    if (!isRegistered(state) || asking === undefined) throw notFound();
    await attempt.forgive();
    const view = trackedView(state, asking, this.config.verdict.windowDays);
    // ADR 27: a duplicate's citizens follow the surviving request, so its lookup shows where it went.
    const survivorCode = state.closure?.duplicateOf;
    if (survivorCode === undefined) return view;
    const survivor = await loadRequest(this.store, survivorCode);
    if (!isRegistered(survivor.state)) return view;
    const { signatory: _signatory, ...followed } = trackedView(
      survivor.state,
      1,
      this.config.verdict.windowDays,
    );
    return { ...view, continuedAs: followed };
  }
}
