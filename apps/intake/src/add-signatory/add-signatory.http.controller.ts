import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import {
  isRegistered,
  parseIranianMobile,
  parseNationalCode,
  parseTrackingCode,
  type AddSignatory,
} from '@samad/request-lifecycle';
import { handleRequestCommand } from '@samad/request-application';
import { CorrelationId, CurrentActor, EVENT_STORE, Roles, type ActorIdentity } from '@samad/service-kit';
import { asFieldProblems } from '../shared/field-path';

export class AddSignatoryDto {
  @ApiProperty({ example: '۰۴۹۹۳۷۰۸۹۹' })
  @IsString()
  @MaxLength(32)
  nationalCode!: string;

  @ApiProperty({ example: 'مریم احمدی' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: '09171234567' })
  @IsString()
  @MaxLength(32)
  mobile!: string;
}

export class AddSignatoryResponseDto {
  @ApiProperty()
  trackingCode!: string;

  @ApiProperty({
    example: 3,
    description: 'The signatory’s number: what they give on the lookup with their digits',
  })
  signatory!: number;
}

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class AddSignatoryHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  @Post(':code/signatories')
  @ApiOperation({
    summary: 'Another citizen signs an open collective request (ADR 17, extended by ADR 27)',
    description:
      'National code and mobile validated like at registration, sealed under the signatory’s own key. The ' +
      'signatory looks the request up with their number and the last four digits of their own mobile, and ' +
      'gets the request’s SMS notices from now on.',
  })
  @ApiCreatedResponse({ type: AddSignatoryResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid national code, mobile or name (Problem Details)' })
  @ApiNotFoundResponse({ description: 'No such request' })
  @ApiConflictResponse({ description: 'Closed, not collective, or this national code already signed' })
  async add(
    @Param('code') code: string,
    @Body() body: AddSignatoryDto,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<AddSignatoryResponseDto> {
    const trackingCode = asFieldProblems(() => parseTrackingCode(code, 'code'));
    // Parsed here so a bad value is a 400 naming the body's own field.
    const nationalCode = asFieldProblems(() => parseNationalCode(body.nationalCode ?? ''));
    const mobile = asFieldProblems(() => parseIranianMobile(body.mobile ?? ''));
    const command: AddSignatory = {
      type: 'AddSignatory',
      data: {
        trackingCode,
        now: new Date(),
        citizen: { nationalCode, fullName: body.fullName, mobile },
        addedBy: actor.id,
      },
    };
    const { state } = await handleRequestCommand(this.store, command, { actor, correlationId });
    if (!isRegistered(state)) throw new Error('the signature left no registered request');
    const index = state.citizens.findIndex((c) => c.nationalCode === nationalCode);
    // ADR 23: the request's notices reach the new signatory too. The topic never carries their mobile
    // (ADR 19), so intake, which was just given it, records the recipient here; erasure deletes the row.
    const signer = state.citizens[index];
    if (index >= 0 && signer.mobile !== null) {
      await this.dataSource.query(
        `INSERT INTO intake.notification_recipients (tracking_code, citizen_index, mobile)
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [trackingCode, index, signer.mobile],
      );
    }
    return { trackingCode, signatory: index + 1 };
  }
}
