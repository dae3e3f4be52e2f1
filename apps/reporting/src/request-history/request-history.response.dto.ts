import { ApiProperty } from '@nestjs/swagger';

class PositionDto {
  @ApiProperty({ example: '1042', description: 'Decimal string (may exceed 2^53)' })
  commit!: string;

  @ApiProperty({ example: '1042', description: 'Decimal string (may exceed 2^53)' })
  prepare!: string;
}

class ActorDto {
  @ApiProperty({ example: 'operator-17' })
  id!: string;

  @ApiProperty({ example: 'operator' })
  role!: string;
}

export class HistoryEntryDto {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ description: '0-based position of the event in the request stream' })
  revision!: number;

  @ApiProperty({ example: 'RequestRegistered' })
  type!: string;

  @ApiProperty({ format: 'date-time', description: 'When the store committed it' })
  recordedAt!: string;

  @ApiProperty({ example: '۱ فروردین ۱۴۰۴، ۱۰:۳۰' })
  recordedAtJalali!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the fact happened' })
  occurredAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  occurredAtJalali!: string | null;

  @ApiProperty({ type: ActorDto, nullable: true })
  actor!: ActorDto | null;

  @ApiProperty({ type: String, nullable: true })
  correlationId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  causationId!: string | null;

  @ApiProperty({ type: PositionDto, description: 'Global position in the event store' })
  position!: PositionDto;

  @ApiProperty({ description: 'SHA-256 chained to the previous event of the stream (hex)' })
  hash!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event as stored' })
  data!: unknown;
}

class BrokenLinkDto {
  @ApiProperty()
  streamId!: string;

  @ApiProperty({ description: 'Decimal string' })
  revision!: string;

  @ApiProperty({ type: PositionDto, nullable: true })
  position!: PositionDto | null;

  @ApiProperty()
  expectedHash!: string;

  @ApiProperty()
  actualHash!: string;

  @ApiProperty({ enum: ['hash_mismatch', 'revision_gap', 'head_mismatch'] })
  reason!: string;
}

class VerificationDto {
  @ApiProperty({ description: 'True when the hash chain recomputed from the stored bytes is intact' })
  ok!: boolean;

  @ApiProperty()
  eventsChecked!: number;

  @ApiProperty({ type: BrokenLinkDto, required: false, description: 'The first broken link, when not ok' })
  brokenLink?: BrokenLinkDto;
}

export class RequestHistoryResponseDto {
  @ApiProperty({ example: '1000000170' })
  trackingCode!: string;

  @ApiProperty({ example: 'request-1000000170' })
  streamId!: string;

  @ApiProperty({ type: [HistoryEntryDto], description: 'Every event of the request, in stream order' })
  events!: HistoryEntryDto[];

  @ApiProperty({ type: VerificationDto })
  verification!: VerificationDto;
}
