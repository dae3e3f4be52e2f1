import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ScorecardsQueryDto {
  @ApiPropertyOptional({
    description: 'A Jalali month (default: the current one); Persian digits accepted',
    example: '1405-09',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  month?: string;

  @ApiPropertyOptional({ description: 'First Jalali day of the period (with `to`)', example: '1405/09/01' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  from?: string;

  @ApiPropertyOptional({ description: 'Last Jalali day of the period, included', example: '1405/09/30' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  to?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    description: 'csv or xlsx: also chosen by `Accept: text/csv` or the XLSX media type',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'], { message: 'format must be json, csv or xlsx' })
  format?: 'json' | 'csv' | 'xlsx';
}
