import { PageFields } from '@samad/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { answerOutcomes, requestChannels, requestKinds, requestStatuses } from '@samad/events';

export class InboxNamedResponse {
  @ApiProperty({ example: 'WAT-CUT' }) code!: string;
  @ApiProperty({ example: 'قطعی آب' }) nameFa!: string;
  @ApiProperty({ example: 'Water outage' }) nameEn!: string;
}

/**
 * How to reach the citizen: name and mobile only (for a collective request, the first signatory).
 * Both are null once an administrator has erased the citizen's personal data.
 */
export class InboxCitizenContactResponse {
  @ApiProperty({ example: 'زهرا کریمی', nullable: true, type: String }) fullName!: string | null;
  @ApiProperty({ example: '09171234567', nullable: true, type: String }) mobile!: string | null;
}

export class InboxAnswerResponse {
  @ApiProperty({ enum: answerOutcomes }) outcome!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ example: '2026-11-30T10:00:00.000Z' }) answeredAt!: string;
  @ApiProperty({ example: '۹ آذر ۱۴۰۵، ۱۳:۳۰' }) answeredAtJalali!: string;
}

/** A directive the agency has yet to report on (ADR 37); its instruction is on the details endpoint. */
export class InboxDirectiveResponse {
  @ApiProperty({ example: 'd6a1c2e4-5b7f-4c8e-9a0b-1c2d3e4f5a6b' }) directiveId!: string;
  @ApiProperty({ enum: ['supervisor', 'official'], description: 'Who gave it' }) role!: string;
  @ApiProperty({ example: '2026-12-03T06:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({ example: '2026-12-05T06:00:00.000Z', description: 'Report due (UTC)' }) dueAt!: string;
  @ApiProperty({ example: '۱۴ آذر ۱۴۰۵، ۰۹:۳۰' }) dueAtJalali!: string;
  @ApiProperty({ description: 'Past its due time: escalated to the agency’s manager' }) overdue!: boolean;
}

export class InboxItemResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ enum: requestStatuses, example: 'routed' }) status!: string;
  @ApiProperty({
    enum: ['normal', 'urgent', 'critical'],
    description: 'The inbox sorts by it, then by due time',
  })
  priority!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '0b6c0d7e-2a55-4a43-9d3b-3d6f1ee0f4a1',
    description: 'The collective matter it belongs to, answered once for all (ADR 27); null if none',
  })
  matterId!: string | null;
  @ApiProperty({ enum: requestKinds }) kind!: string;
  @ApiProperty({ enum: requestChannels }) channel!: string;
  @ApiProperty() collective!: boolean;
  @ApiProperty({ type: InboxNamedResponse }) category!: InboxNamedResponse;
  @ApiProperty({ type: InboxNamedResponse }) county!: InboxNamedResponse;
  @ApiProperty() description!: string;
  @ApiProperty({ type: InboxCitizenContactResponse }) citizen!: InboxCitizenContactResponse;
  @ApiProperty({ example: 1, description: 'How many citizens signed (more than one when collective)' })
  citizenCount!: number;
  @ApiProperty({ example: '2026-12-02T08:30:00.000Z', description: 'Answer due (UTC)' }) dueAt!: string;
  @ApiProperty({ example: '۱۱ آذر ۱۴۰۵، ۱۲:۰۰', description: 'Answer due, Jalali, Tehran time' })
  dueAtJalali!: string;
  @ApiProperty({ description: 'Still to answer and past its due date' }) overdue!: boolean;
  @ApiProperty({ example: '2026-11-29T08:30:00.000Z' }) routedAt!: string;
  @ApiPropertyOptional({ example: '2026-11-29T09:00:00.000Z' }) acknowledgedAt?: string;
  @ApiPropertyOptional({
    example: 'امور مشترکین / مهندس احمدی',
    description: 'Unit / staff it was referred to',
  })
  referredTo?: string;
  @ApiPropertyOptional({ type: InboxAnswerResponse }) answer?: InboxAnswerResponse;
  @ApiProperty({
    type: InboxDirectiveResponse,
    isArray: true,
    description: 'Directives on this request the agency has yet to report on, earliest due first',
  })
  directives!: InboxDirectiveResponse[];
}

export class InboxResponse extends PageFields {
  @ApiProperty({ example: 'ABFA' }) agency!: string;
  @ApiProperty({ enum: ['open', 'answered', 'all'], example: 'open' }) status!: string;
  @ApiProperty({
    type: InboxItemResponse,
    isArray: true,
    description: 'Most critical first, then oldest due, then by tracking code',
  })
  items!: InboxItemResponse[];
}
