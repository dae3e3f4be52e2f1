import { ApiProperty } from '@nestjs/swagger';

export class RegisterRequestResponseDto {
  @ApiProperty({ example: '4939146576', description: 'کد رهگیری: 10 digits, the last one a check digit' })
  trackingCode!: string;

  @ApiProperty({ example: '493-914-6576', description: 'Grouped for reading aloud' })
  trackingCodeFormatted!: string;

  @ApiProperty({ enum: ['registered'] })
  status!: 'registered';

  @ApiProperty({ enum: ['normal', 'urgent', 'critical'], description: 'As registered' })
  priority!: 'normal' | 'urgent' | 'critical';

  @ApiProperty({ example: '2024-10-15T05:30:00.000Z' })
  registeredAt!: string;

  @ApiProperty({ example: '۲۴ مهر ۱۴۰۳، ۹:۰۰' })
  registeredAtJalali!: string;
}
