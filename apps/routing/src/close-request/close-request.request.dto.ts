import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** A supervisor closes by hand only these; `answered` comes with the answer (and the citizen's verdict). */
export const closeByHandReasons = ['duplicate', 'withdrawn'] as const;

export class CloseRequestRequest {
  @ApiProperty({
    enum: closeByHandReasons,
    description: '`duplicate` of another request, or `withdrawn` by the citizen',
  })
  @IsIn(closeByHandReasons)
  reason!: (typeof closeByHandReasons)[number];

  @ApiPropertyOptional({
    example: '1000000170',
    description: 'The original request; required for `duplicate`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  duplicateOf?: string;

  @ApiPropertyOptional({ example: 'شهروند تماس گرفت و درخواست را پس گرفت', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CloseRequestResponse {
  @ApiProperty({ example: '1000000171' }) trackingCode!: string;
  @ApiProperty({ example: 'closed' }) status!: string;
  @ApiProperty({ enum: closeByHandReasons }) reason!: string;
  @ApiPropertyOptional({ example: '1000000170' }) duplicateOf?: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ example: '۱۱ آذر ۱۴۰۵، ۱۶:۰۰' }) closedAtJalali!: string;
}
