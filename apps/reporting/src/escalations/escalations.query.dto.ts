import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OverdueRequestsQueryDto } from '../overdue-requests/overdue-requests.query.dto';

export class EscalationsQueryDto extends OverdueRequestsQueryDto {
  @ApiPropertyOptional({ enum: [1, 2], description: "1: the agency's manager; 2: the inspection office" })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2], { message: 'level must be 1 or 2' })
  level?: number;

  @ApiPropertyOptional({ description: 'Only requests still owed an answer (default true)', default: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;

  // Re-declared so the limit's documentation names this list.
  @ApiPropertyOptional({ description: 'At most this many (default 500)', minimum: 1, maximum: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(5000)
  declare limit?: number;
}
