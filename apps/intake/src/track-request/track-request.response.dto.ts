import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { answerOutcomes, closeReasons, requestKinds, requestStatuses } from '@samad/request-lifecycle';
import { NamedRefDto } from '../shared/named-ref.response.dto';

export class TrackedAnswerDto {
  @ApiProperty({ enum: answerOutcomes })
  outcome!: string;

  @ApiProperty({ example: 'لوله اصلی ترمیم و آب وصل شد.' })
  text!: string;

  @ApiProperty({ example: '2024-10-17T08:00:00.000Z' })
  answeredAt!: string;

  @ApiProperty({ example: '۲۶ مهر ۱۴۰۳، ۱۱:۳۰' })
  answeredAtJalali!: string;
}

export class TrackedClosureDto {
  @ApiProperty({ enum: closeReasons })
  reason!: string;

  @ApiPropertyOptional({ example: '1000000170', description: 'The original, when closed as a duplicate' })
  duplicateOf?: string;

  @ApiProperty({ example: '2024-10-20T06:00:00.000Z' })
  closedAt!: string;

  @ApiProperty({ example: '۲۹ مهر ۱۴۰۳، ۰۹:۳۰' })
  closedAtJalali!: string;
}

/** The citizen's verdict on the answer shown (ADR 25): still open until a moment, or what they gave. */
export class TrackedVerdictDto {
  @ApiPropertyOptional({ example: '2024-10-23T08:00:00.000Z', description: 'Rate or object before this' })
  openUntil?: string;

  @ApiPropertyOptional({ example: '۲ آبان ۱۴۰۳، ۱۱:۳۰' })
  openUntilJalali?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'The rating given to this answer' })
  rating?: number;

  @ApiPropertyOptional({ description: 'The citizen objected to this answer (the request was reopened)' })
  objected?: boolean;
}

/** What a citizen may see of a request: its progress, never anyone's national code, name or mobile. */
export class TrackRequestResponseDto {
  @ApiProperty({ example: '4939146576' })
  trackingCode!: string;

  @ApiProperty({ example: '493-914-6576' })
  trackingCodeFormatted!: string;

  @ApiProperty({ enum: requestStatuses })
  status!: string;

  @ApiProperty({ example: 'ارجاع به دستگاه' })
  statusFa!: string;

  @ApiProperty({ enum: requestKinds })
  kind!: string;

  @ApiProperty({ type: NamedRefDto })
  category!: NamedRefDto;

  @ApiProperty({ type: NamedRefDto })
  county!: NamedRefDto;

  @ApiProperty({ example: '2024-10-15T05:30:00.000Z' })
  registeredAt!: string;

  @ApiProperty({ example: '۲۴ مهر ۱۴۰۳، ۹:۰۰' })
  registeredAtJalali!: string;

  @ApiPropertyOptional({
    example: 2,
    description: 'Collective requests only: the number of the signatory whose view this is (who proved it)',
  })
  signatory?: number;

  @ApiPropertyOptional({ type: NamedRefDto, description: 'The agency handling (or that answered) it' })
  agency?: NamedRefDto;

  @ApiPropertyOptional({ example: '2024-10-19T05:30:00.000Z', description: 'When the agency must answer by' })
  dueAt?: string;

  @ApiPropertyOptional({ example: '۲۸ مهر ۱۴۰۳، ۹:۰۰' })
  dueAtJalali?: string;

  @ApiPropertyOptional({ type: TrackedAnswerDto })
  answer?: TrackedAnswerDto;

  @ApiPropertyOptional({ type: TrackedClosureDto, description: 'Present once the request is closed' })
  closure?: TrackedClosureDto;

  @ApiPropertyOptional({
    type: TrackedVerdictDto,
    description: 'After an answer: until when to rate or object, or the verdict given (never the comment)',
  })
  verdict?: TrackedVerdictDto;

  @ApiPropertyOptional({
    type: () => TrackRequestResponseDto,
    description:
      'ADR 27: on a request closed as a duplicate, the surviving request its citizens follow (no signatory number)',
  })
  continuedAs?: Omit<TrackRequestResponseDto, 'signatory' | 'continuedAs'>;
}
