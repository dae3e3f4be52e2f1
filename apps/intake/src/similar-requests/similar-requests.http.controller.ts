import { toPossibleDuplicate } from '../possible-duplicates/possible-duplicates.query';
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { decide, parseTrackingCode, type LinkToMatter } from '@samad/request-lifecycle';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import {
  CorrelationId,
  CurrentActor,
  EVENT_STORE,
  InputValidationError,
  Roles,
  SERVICE_CONFIG,
  type ActorIdentity,
  type ServiceConfig,
} from '@samad/service-kit';
import { PossibleDuplicateDto } from '../possible-duplicates/possible-duplicates.dto';
import { asFieldProblems } from '../shared/field-path';
import { findSimilarRequests } from './similar-requests.query';

export class SimilarRequestDto extends PossibleDuplicateDto {
  @ApiProperty({ example: 0.62, description: 'pg_trgm similarity of the normalised descriptions (0–1)' })
  similarity!: number;
}

export class SimilarRequestsResponseDto {
  @ApiProperty({ type: [SimilarRequestDto] })
  items!: SimilarRequestDto[];
}

export class LinkMatterDto {
  @ApiProperty({ example: ['4939146576', '1000000170'], description: 'At least two open requests' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  trackingCodes!: string[];
}

export class LinkMatterResponseDto {
  @ApiProperty({ description: 'The collective matter’s own id' })
  matterId!: string;

  @ApiProperty({ type: [String] })
  trackingCodes!: string[];
}

@ApiTags('requests')
@Controller('api/requests')
export class SimilarRequestsHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':code/similar')
  @Roles('operator', 'supervisor')
  @ApiOperation({
    summary: 'Candidates for one collective matter: similar open requests of other citizens (ADR 27)',
    description:
      'Same category and county, registered within SIMILAR_WINDOW_DAYS, descriptions at least ' +
      'SIMILARITY_THRESHOLD similar by pg_trgm over a read model that erasure clears.',
  })
  @ApiOkResponse({ type: SimilarRequestsResponseDto })
  async similar(@Param('code') code: string): Promise<SimilarRequestsResponseDto> {
    const trackingCode = asFieldProblems(() => parseTrackingCode(code, 'code'));
    const rows = await findSimilarRequests(
      this.dataSource.manager,
      trackingCode,
      this.config.duplicates?.similarWindowDays ?? 7,
      this.config.duplicates?.similarityThreshold ?? 0.4,
    );
    return {
      items: rows.map((row) => ({
        ...toPossibleDuplicate(row),
        similarity: Math.round(row.similarity * 1000) / 1000,
      })),
    };
  }

  @Post('matters')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Link requests into one collective matter, answered once by the agency (ADR 27)',
    description:
      'LinkedToMatter in each request’s stream. Every request is decided before any is linked, so one ' +
      'closed, answered or already linked request refuses the whole link.',
  })
  @ApiOkResponse({ type: LinkMatterResponseDto })
  @ApiBadRequestResponse({ description: 'Fewer than two codes, a malformed code, or one code twice' })
  @ApiConflictResponse({ description: 'A request is closed, answered or already in another matter' })
  async link(
    @Body() body: LinkMatterDto,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<LinkMatterResponseDto> {
    const codes = body.trackingCodes.map((code, i) =>
      asFieldProblems(() => parseTrackingCode(code, `trackingCodes[${i}]`)),
    );
    if (new Set(codes).size !== codes.length) {
      throw new InputValidationError([{ field: 'trackingCodes', message: 'a request appears twice' }]);
    }
    const matterId = randomUUID();
    const now = new Date();
    const commands = codes.map((trackingCode): LinkToMatter => ({
      type: 'LinkToMatter',
      data: { trackingCode, now, matterId, linkedBy: actor.id },
    }));
    const loaded = await Promise.all(codes.map((code) => loadRequest(this.store, code)));
    commands.forEach((command, i) => decide(command, loaded[i].state));
    for (const [i, command] of commands.entries()) {
      await handleRequestCommand(this.store, command, { actor, correlationId }, { loaded: loaded[i] });
    }
    return { matterId, trackingCodes: codes };
  }
}
