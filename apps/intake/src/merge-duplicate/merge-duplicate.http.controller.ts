import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { EventStore } from '@samad/event-store';
import {
  decide,
  parseTrackingCode,
  type AbsorbDuplicate,
  type MergeAsDuplicate,
} from '@samad/request-lifecycle';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import { CorrelationId, CurrentActor, EVENT_STORE, Roles, type ActorIdentity } from '@samad/service-kit';
import { asFieldProblems } from '../shared/field-path';

export class MergeDuplicateDto {
  @ApiProperty({ example: '4939146576', description: 'The request that stays open (the original)' })
  @IsString()
  @MaxLength(32)
  survivorCode!: string;
}

export class MergeDuplicateResponseDto {
  @ApiProperty({ description: 'The request closed as a duplicate' })
  trackingCode!: string;

  @ApiProperty({ description: 'The request its citizens follow from now on' })
  survivorCode!: string;

  @ApiProperty()
  mergedAt!: string;
}

@ApiTags('requests')
@Roles('supervisor')
@Controller('api/requests')
export class MergeDuplicateHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':code/merge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close this request as a duplicate of another one that stays open (ADR 27)',
    description:
      'MergedAsDuplicate in this stream, DuplicateAbsorbed in the survivor’s. Both are decided before either ' +
      'is appended, so a refused merge changes nothing. The citizen’s lookup of this code points to the survivor.',
  })
  @ApiOkResponse({ type: MergeDuplicateResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed code, or the same request twice' })
  @ApiNotFoundResponse({ description: 'Either request does not exist' })
  @ApiConflictResponse({ description: 'Either request is closed' })
  async merge(
    @Param('code') code: string,
    @Body() body: MergeDuplicateDto,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<MergeDuplicateResponseDto> {
    const trackingCode = asFieldProblems(() => parseTrackingCode(code, 'code'));
    const survivorCode = asFieldProblems(() => parseTrackingCode(body.survivorCode ?? '', 'survivorCode'));
    const now = new Date();
    const absorb: AbsorbDuplicate = {
      type: 'AbsorbDuplicate',
      data: { trackingCode: survivorCode, now, absorbedCode: trackingCode, mergedBy: actor.id },
    };
    const merge: MergeAsDuplicate = {
      type: 'MergeAsDuplicate',
      data: { trackingCode, now, survivorCode, mergedBy: actor.id },
    };
    const [survivor, duplicate] = await Promise.all([
      loadRequest(this.store, survivorCode),
      loadRequest(this.store, trackingCode),
    ]);
    // Both decided first: a closed survivor or a closed duplicate refuses the whole merge.
    decide(merge, duplicate.state);
    decide(absorb, survivor.state);
    const context = { actor, correlationId, causationId: `merge:${trackingCode}:${survivorCode}` };
    await handleRequestCommand(this.store, absorb, context, { loaded: survivor });
    await handleRequestCommand(this.store, merge, context, { loaded: duplicate });
    return { trackingCode, survivorCode, mergedAt: now.toISOString() };
  }
}
