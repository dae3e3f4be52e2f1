import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { requestChannels, VIEW_REASON_MAX_LENGTH } from '@samad/request-lifecycle';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';
import { InboxCitizenContactResponse } from '../view-inbox/inbox-item.response.dto';

/** Said when the caller states no purpose: the one thing this API is for. */
export const DEFAULT_DETAILS_PURPOSE =
  'رسیدگی به درخواست در کارتابل دستگاه (acting on the request in the inbox)';

export class RequestDetailsQuery extends ActingAgencyQuery {
  @ApiPropertyOptional({
    example: 'تماس با شهروند برای هماهنگی بازدید',
    description: `Why the details are fetched (5–${VIEW_REASON_MAX_LENGTH} characters), recorded with the view; default: acting on the request in the inbox`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(4 * VIEW_REASON_MAX_LENGTH)
  purpose?: string;
}

export class RequestFollowUpResponse {
  @ApiProperty({ example: '2026-12-02T08:30:00.000Z' }) at!: string;
  @ApiProperty({ enum: requestChannels }) channel!: string;
  @ApiProperty({ example: 'شهروند دوباره تماس گرفت؛ هنوز آب وصل نشده' }) note!: string;
}

/** A directive binding this agency, with its instruction (ADR 37); `reportedAt` once reported. */
export class RequestDirectiveDetailsResponse {
  @ApiProperty({ example: 'd6a1c2e4-5b7f-4c8e-9a0b-1c2d3e4f5a6b' }) directiveId!: string;
  @ApiProperty({ example: 'ظرف دو روز کارشناس اعزام و گزارش شود' }) instruction!: string;
  @ApiProperty({ enum: ['supervisor', 'official'] }) role!: string;
  @ApiProperty({ example: '2026-12-05T06:00:00.000Z' }) dueAt!: string;
  @ApiProperty({ example: '2026-12-03T06:00:00.000Z' }) issuedAt!: string;
  @ApiPropertyOptional({ example: '2026-12-04T06:00:00.000Z' }) reportedAt?: string;
}

export class RequestDetailsResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ example: 'ABFA' }) agencyCode!: string;
  @ApiProperty({ example: 'سه روز است که آب محله قطع است' }) description!: string;
  @ApiProperty({
    type: InboxCitizenContactResponse,
    description:
      'How to reach the citizen (for a collective request, the first signatory); nulls once erased',
  })
  citizen!: InboxCitizenContactResponse;
  @ApiProperty({ example: 1 }) citizenCount!: number;
  @ApiProperty({ type: RequestFollowUpResponse, isArray: true, description: 'Oldest first' })
  followUps!: RequestFollowUpResponse[];
  @ApiProperty({
    type: RequestDirectiveDetailsResponse,
    isArray: true,
    description: 'Directives binding this agency',
  })
  directives!: RequestDirectiveDetailsResponse[];
  @ApiProperty({ format: 'uuid', description: 'The PersonalDataViewed fact recorded for this call' })
  viewId!: string;
}
