import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const CODE = /^[A-Z][A-Z0-9_-]{0,31}$/;
const upperCase = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class OverdueRequestsQueryDto {
  @ApiPropertyOptional({ description: 'Only this agency (code, e.g. ABFA)', example: 'ABFA' })
  @IsOptional()
  @Transform(upperCase)
  @Matches(CODE, { message: 'agency must be an agency code such as ABFA' })
  agency?: string;

  @ApiPropertyOptional({ description: 'Only this county (code, e.g. BND)', example: 'BND' })
  @IsOptional()
  @Transform(upperCase)
  @Matches(CODE, { message: 'county must be a county code such as BND' })
  county?: string;

  @ApiPropertyOptional({
    description: 'At most this many, most overdue first (default 500)',
    minimum: 1,
    maximum: 5000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(5000)
  limit?: number;
}
