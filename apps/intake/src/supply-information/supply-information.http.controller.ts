import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { EventStore } from '@samad/event-store';
import { handleRequestCommand } from '@samad/request-application';
import { parseTrackingCode } from '@samad/request-lifecycle';
import { CorrelationId, CurrentActor, EVENT_STORE, Roles, type ActorIdentity } from '@samad/service-kit';
import { asFieldProblems } from '../shared/field-path';

export class SupplyInformationDto {
  @ApiProperty({ example: 'پلاک ۱۲، کوچه‌ی شهید رجایی', minLength: 2, maxLength: 4000 })
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  information!: string;
}

export class SupplyInformationResponseDto {
  @ApiProperty({ example: '4939146576' }) trackingCode!: string;
  @ApiProperty({ example: '2026-12-02T07:00:00.000Z' }) suppliedAt!: string;
}

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class SupplyInformationHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post(':code/information')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the information the agency asked of the citizen; the clock resumes',
    description: 'The deadline watcher then moves the due date by the working time the clock was paused.',
  })
  @ApiParam({ name: 'code', description: 'Tracking code; Persian digits and dashes accepted' })
  @ApiOkResponse({ type: SupplyInformationResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed tracking code or body' })
  @ApiNotFoundResponse({ description: 'No request with this tracking code' })
  @ApiConflictResponse({
    description: 'No information is asked of the citizen on this request, or it is closed',
  })
  async supply(
    @Param('code') code: string,
    @Body() body: SupplyInformationDto,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<SupplyInformationResponseDto> {
    const trackingCode = asFieldProblems(() => parseTrackingCode(code, 'code'));
    const now = new Date();
    await handleRequestCommand(
      this.store,
      {
        type: 'SupplyInformation',
        data: { trackingCode, now, information: body.information, suppliedBy: actor.id },
      },
      { actor, correlationId },
    );
    return { trackingCode, suppliedAt: now.toISOString() };
  }
}
