import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { EventStore } from '@samad/event-store';
import { handleRequestCommand } from '@samad/request-application';
import { formatJalali, parseTrackingCode, type RegisteredRequest } from '@samad/request-lifecycle';
import { CorrelationId, CurrentActor, EVENT_STORE, Roles, type ActorIdentity } from '@samad/service-kit';

export class ApproveExtensionRequest {
  @ApiPropertyOptional({
    example: '2026-12-20T10:00:00.000Z',
    description: 'The new due date; the proposed one when absent. ISO 8601, in the future',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

export class RefuseExtensionRequest {
  @ApiProperty({ example: 'مهلت فعلی برای این موضوع کافی است', minLength: 5, maxLength: 1000 })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason!: string;
}

export class ExtensionDecisionResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ example: 'approved', enum: ['approved', 'refused'] }) outcome!: 'approved' | 'refused';
  @ApiProperty({ example: '2026-12-20T10:00:00.000Z', description: 'The due date after the decision' })
  dueAt!: string;
  @ApiProperty({ example: '۲۹ آذر ۱۴۰۵، ۱۳:۳۰', description: 'The same, Jalali, Tehran time' })
  dueAtJalali!: string;
}

const answer = (state: unknown, trackingCode: string, outcome: 'approved' | 'refused') => {
  const dueAt = (state as RegisteredRequest).dueAt ?? '';
  return { trackingCode, outcome, dueAt, dueAtJalali: dueAt ? formatJalali(new Date(dueAt)) : '' };
};

/** A supervisor decides an agency's request for more time (ADR 24). */
@ApiTags('deadlines')
@Roles('supervisor')
@Controller('api/routing/requests')
export class DecideExtensionHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':code/extension-requests/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A supervisor approves an extension: a new due date, a new deadline for the watcher',
    description: 'Repeating the approval answers the same; the citizen is told the new date by SMS.',
  })
  @ApiOkResponse({ type: ExtensionDecisionResponse })
  @ApiBadRequestResponse({ description: 'Invalid code or due date (not in the future)' })
  @ApiNotFoundResponse({ description: 'No such request, or no such extension on it' })
  @ApiConflictResponse({
    description: 'Already refused, the clock is paused, or no agency holds the request',
  })
  async approve(
    @Param('code') code: string,
    @Param('id') extensionId: string,
    @Body() body: ApproveExtensionRequest,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<ExtensionDecisionResponse> {
    const trackingCode = parseTrackingCode(code, 'code');
    const { state } = await handleRequestCommand(
      this.store,
      {
        type: 'ApproveExtension',
        data: {
          trackingCode,
          now: new Date(),
          extensionId,
          ...(body.dueAt !== undefined && { dueAt: new Date(body.dueAt) }),
          decidedBy: actor.id,
        },
      },
      { actor, correlationId },
    );
    return answer(state, trackingCode, 'approved');
  }

  @Post(':code/extension-requests/:id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'A supervisor refuses an extension, with the reason; the deadline stays' })
  @ApiOkResponse({ type: ExtensionDecisionResponse })
  @ApiBadRequestResponse({ description: 'Invalid code, or no reason' })
  @ApiNotFoundResponse({ description: 'No such request, or no such extension on it' })
  @ApiConflictResponse({ description: 'Already approved' })
  async refuse(
    @Param('code') code: string,
    @Param('id') extensionId: string,
    @Body() body: RefuseExtensionRequest,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<ExtensionDecisionResponse> {
    const trackingCode = parseTrackingCode(code, 'code');
    const { state } = await handleRequestCommand(
      this.store,
      {
        type: 'RefuseExtension',
        data: { trackingCode, now: new Date(), extensionId, reason: body.reason, decidedBy: actor.id },
      },
      { actor, correlationId },
    );
    return answer(state, trackingCode, 'refused');
  }
}
