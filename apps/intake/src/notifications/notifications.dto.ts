import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageFields, PageQuery } from '@samad/service-kit';

const statuses = ['pending', 'sent', 'parked', 'cancelled'] as const;

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this request’s notices', example: '1403000127' })
  @IsOptional()
  @Matches(/^\d{10}$/, { message: 'must be a 10-digit tracking code' })
  trackingCode?: string;

  @ApiPropertyOptional({ enum: statuses })
  @IsOptional()
  @IsIn(statuses)
  status?: (typeof statuses)[number];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 200,
    deprecated: true,
    description: 'Deprecated: the same as `pageSize` (used only when `pageSize` is not given)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ enum: ['registered', 'answered', 'deadline_extended'] }) kind!: string;
  @ApiProperty({ enum: statuses }) status!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The mobile, masked to its last four digits; null once the citizen’s data is erased',
  })
  recipient!: string | null;
  @ApiProperty({ description: 'The SMS text (Persian; no personal data)' }) message!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '`outbox` or `kavenegar` once sent' })
  gateway!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
}

export class NotificationsResponseDto extends PageFields {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' }) items!: NotificationDto[];
}
