import { PageFields } from '@samad/service-kit';
import { ApiProperty } from '@nestjs/swagger';
import { NamedResponse } from '../routing-data/named.response.dto';

export class ManualQueueItemResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ type: NamedResponse }) category!: NamedResponse;
  @ApiProperty({ type: NamedResponse }) county!: NamedResponse;
  @ApiProperty({ description: 'Why the rules could not route it (Persian, then English in parentheses)' })
  reason!: string;
  @ApiProperty({ example: '2026-11-29T08:30:00.000Z', description: 'Waiting since (UTC)' }) since!: string;
  @ApiProperty({ example: '۸ آذر ۱۴۰۵، ۱۲:۰۰', description: 'Waiting since, Jalali, Tehran time' })
  sinceJalali!: string;
}

export class ManualQueueResponse extends PageFields {
  @ApiProperty({ type: ManualQueueItemResponse, isArray: true, description: 'Oldest first' })
  items!: ManualQueueItemResponse[];
}
