import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const statuses = ['pending', 'sent', 'parked', 'cancelled'] as const;

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Only this request’s notices', example: '1403000127' })
  @IsOptional()
  @Matches(/^\d{10}$/, { message: 'must be a 10-digit tracking code' })
  trackingCode?: string;

  @ApiPropertyOptional({ enum: statuses })
  @IsOptional()
  @IsIn(statuses)
  status?: (typeof statuses)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
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

export class NotificationsResponseDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
}
