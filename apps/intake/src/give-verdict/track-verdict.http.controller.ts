import { Body, Controller, Inject, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { loadRequest } from '@samad/request-application';
import { DomainError, isRegistered, isValidTrackingCode, parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, EVENT_STORE, Public, SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import { TrackRateLimit } from '../track-request/track-rate-limit';
import { provesOwnership } from '../track-request/track-request.view';
import { giveVerdict } from './give-verdict';
import { verdictConflicts } from './give-verdict.http.controller';
import { CitizenVerdictDto } from './verdict.request.dto';
import { VerdictResponseDto } from './verdict.response.dto';

// The lookup's one answer for a malformed code, an unknown code and a wrong mobile (ADR 17).
const notFound = (): DomainError =>
  new DomainError(
    'REQUEST_NOT_FOUND',
    'درخواستی با این کد رهگیری و شماره همراه یافت نشد (no request matches this tracking code and mobile number)',
  );

@ApiTags('track')
@Public()
@Controller('api/track')
export class TrackVerdictHttpController {
  private readonly rateLimit: TrackRateLimit;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly dataSource: DataSource,
  ) {
    this.rateLimit = new TrackRateLimit(dataSource, config.trackRateLimit!);
  }

  private deps() {
    return { store: this.store, dataSource: this.dataSource, config: this.config };
  }

  @Post(':code/verdict')
  @ApiOperation({
    summary: 'The citizen rates the answer 1–5 or objects to it, proving with the last four digits',
    description:
      'No authentication; the same proof and the same limits as the status lookup (ADR 17), counted ' +
      'together with it. Within VERDICT_WINDOW_DAYS of the answer.',
  })
  @ApiParam({ name: 'code', description: 'Tracking code; Persian digits and dashes accepted' })
  @ApiCreatedResponse({ type: VerdictResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed body (rating outside 1–5)' })
  @ApiNotFoundResponse({ description: 'Unknown or malformed code, or the digits do not match (one answer)' })
  @ApiConflictResponse({ description: verdictConflicts })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this client or for this code' })
  async give(
    @Param('code') code: string,
    @Body() body: CitizenVerdictDto,
    @Req() request: Request,
    @CorrelationId() correlationId: string,
  ): Promise<VerdictResponseDto> {
    const trackingCode = isValidTrackingCode(code) ? parseTrackingCode(code) : undefined;
    const attempt = await this.rateLimit.admit(request.ip ?? 'unknown', trackingCode);
    if (trackingCode === undefined) throw notFound();
    const loaded = await loadRequest(this.store, trackingCode);
    const { state } = loaded;
    const asking = isRegistered(state) ? provesOwnership(state, body.mobileLast4, body.signatory) : undefined;
    if (!isRegistered(state) || asking === undefined) throw notFound();
    await attempt.forgive();
    const { mobileLast4: _proof, signatory: _signatory, ...verdict } = body;
    return giveVerdict(this.deps(), loaded, verdict, 'citizen', {
      actor: { id: `citizen-${asking}`, role: 'citizen' },
      correlationId,
    });
  }
}
