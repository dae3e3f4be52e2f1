import { ApiProperty } from '@nestjs/swagger';

export class RecordFollowUpResponseDto {
  @ApiProperty({ example: '4939146576' })
  trackingCode!: string;

  @ApiProperty({ example: '2024-10-16T07:00:00.000Z' })
  recordedAt!: string;
}
