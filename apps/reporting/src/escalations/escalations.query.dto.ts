import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
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
}
