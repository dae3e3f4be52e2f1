import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';

export class SetDueTimeRequest {
  @ApiProperty({
    example: '2026-12-02T12:30:00.000Z',
    description: 'The new due moment, ISO 8601 with time and offset; must be in the future',
  })
  @IsISO8601({ strict: true })
  dueAt!: string;

  @ApiProperty({ example: 'قطعی آب بیمارستان؛ فوری', minLength: 5, maxLength: 500 })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason!: string;
}

export class SetDueTimeResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ example: 'abfa' }) agencyCode!: string;
  @ApiProperty({ example: '2026-12-02T12:30:00.000Z' }) dueAt!: string;
  @ApiProperty({ example: '۱۱ آذر ۱۴۰۵، ۱۶:۰۰', description: 'Answer due, Jalali, Tehran time' })
  dueAtJalali!: string;
}
