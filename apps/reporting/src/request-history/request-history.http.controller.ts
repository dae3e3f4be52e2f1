import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import {
  buildAuditBundle,
  loadAuditPublicKey,
  storeAuditLeaves,
  StreamNotFoundError,
  type AuditLeafInput,
  type EventStore,
  type RecordedEvent,
} from '@samad/event-store';
import { loadCheckpoints } from '@samad/reporting-read-model';
import {
  DomainError,
  evolve,
  formatJalali,
  initialState,
  maskPersonalIdentifiers,
  parseAsOfMoment,
  parseTrackingCode,
  requestStreamName,
  type RequestEvent,
} from '@samad/request-lifecycle';
import { EVENT_STORE, InputValidationError, Roles } from '@samad/service-kit';
import { RequestHistoryResponseDto } from './request-history.response.dto';
import {
  toHistoryEntry,
  toVerificationView,
  type HistoryEntry,
  type VerificationView,
} from './request-history.view';

const AS_OF_DESCRIPTION =
  'ISO-8601 instant with offset, or a Jalali date (1404/09/11, Persian digits accepted) with an optional Tehran time';

const momentOf = (asOf: string): Date => {
  const moment = parseAsOfMoment(asOf);
  if (!moment) {
    throw new InputValidationError([
      { field: 'asOf', message: 'asOf must be an ISO-8601 instant or a Jalali date (e.g. 1404/09/11 14:30)' },
    ]);
  }
  return moment;
};

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
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

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
  @ApiQuery({ name: 'asOf', required: false, description: AS_OF_DESCRIPTION })
  async history(@Param('code') code: string, @Query('asOf') asOf?: string): Promise<RequestHistory> {
    const { trackingCode, streamId, events: all } = await this.read(code);
    const moment = asOf === undefined ? undefined : momentOf(asOf);
    const events = moment ? all.filter((e) => e.recordedAt.getTime() <= moment.getTime()) : all;
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

  @Get(':code/state')
  @ApiOperation({
    summary: "The request as it stood at a moment, folded from its events by the decider's own evolve",
    description:
      'Events recorded up to `asOf` (ISO-8601 instant, or a Jalali date with an optional Tehran time; a day ' +
      'alone means its end), folded into the state. National codes and mobiles masked.',
  })
  @ApiQuery({ name: 'asOf', required: true, description: AS_OF_DESCRIPTION })
  async state(@Param('code') code: string, @Query('asOf') asOf: string | undefined) {
    if (asOf === undefined) throw new InputValidationError([{ field: 'asOf', message: 'asOf is required' }]);
    const moment = momentOf(asOf);
    const { trackingCode, events } = await this.read(code);
    const existed = events.filter((e) => e.recordedAt.getTime() <= moment.getTime());
    const state = existed.reduce(
      (s, e) => evolve(s, { type: e.type, data: e.data } as RequestEvent),
      initialState(),
    );
    return {
      trackingCode,
      asOf: moment.toISOString(),
      asOfJalali: formatJalali(moment),
      eventsApplied: existed.length,
      registered: state.status !== 'not_registered',
      state: maskPersonalIdentifiers(state),
    };
  }

  @Get(':code/bundle')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: 'A self-contained proof bundle of the request (download), as `samad export` writes it',
    description:
      "The request's events with Merkle inclusion proofs into the latest signed checkpoint and the public " +
      'key: `samad verify-bundle bundle.json` checks it on another machine with no database.',
  })
  async bundle(@Param('code') code: string, @Res({ passthrough: true }) res: Response) {
    const { trackingCode, streamId } = await this.read(code);
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const checkpoints = await loadCheckpoints(pool);
    const checkpoint = checkpoints[checkpoints.length - 1];
    if (!checkpoint) {
      throw new DomainError(
        'NO_CHECKPOINT_YET',
        'هنوز نقطهٔ وارسی امضاشده‌ای نیست (no signed checkpoint yet)',
      );
    }
    const covered: AuditLeafInput[] = [];
    for await (const event of storeAuditLeaves(this.store, pool)) {
      if (covered.length === checkpoint.treeSize) break;
      covered.push(event);
    }
    const bundle = buildAuditBundle({
      streamId,
      coveredEvents: covered,
      checkpoint,
      publicKey: loadAuditPublicKey(),
    });
    res.setHeader('Content-Disposition', `attachment; filename="samad-${trackingCode}-bundle.json"`);
    return bundle;
  }

  /** The request's events straight from the store; 400 for a malformed code, 404 for an unknown one. */
  private async read(
    code: string,
  ): Promise<{ trackingCode: string; streamId: string; events: RecordedEvent[] }> {
    // Throws INVALID_TRACKING_CODE (400, naming the `code` field) for a wrong length or check digit.
    const trackingCode = parseTrackingCode(code, 'code');
    const streamId = requestStreamName(trackingCode);
    try {
      return { trackingCode, streamId, events: await this.store.readStream(streamId) };
    } catch (error) {
      if (error instanceof StreamNotFoundError) {
        throw new DomainError('REQUEST_NOT_FOUND', `no request with tracking code ${trackingCode}`);
      }
      throw error;
    }
  }
}
