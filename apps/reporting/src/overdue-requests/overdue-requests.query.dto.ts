import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '@samad/service-kit';

const CODE = /^[A-Z][A-Z0-9_-]{0,31}$/;
const upperCase = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class OverdueRequestsQueryDto extends PageQuery {
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
    description: 'Deprecated: the same as `pageSize` (used only when `pageSize` is not given)',
    deprecated: true,
    minimum: 1,
    maximum: 200,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}
