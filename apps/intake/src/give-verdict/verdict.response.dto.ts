import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class VerdictResponseDto {
  @ApiProperty({ example: '4939146576' })
  trackingCode!: string;

  @ApiProperty({ enum: ['rate', 'object'] })
  verdict!: 'rate' | 'object';

  @ApiProperty({ example: '2024-10-18T06:00:00.000Z' })
  recordedAt!: string;

  @ApiPropertyOptional({ description: 'After an objection: the new due date of the reopened request' })
  dueAt?: string;

  @ApiPropertyOptional({
    enum: [2],
    description: 'After a second objection: escalated to the inspection office',
  })
  escalationLevel?: 2;
}
