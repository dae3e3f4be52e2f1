import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { PageQuery } from '../http/paging';

export class ListDeadLettersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this reason (e.g. refused, invalid_event_data)' })
  @IsOptional()
  @IsString()
  reason?: string;

  @ApiPropertyOptional({ description: 'Only this integration event type' })
  @IsOptional()
  @IsString()
  eventType?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Include messages already re-driven' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRedriven?: 'true' | 'false';

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 200,
    deprecated: true,
    description: 'Deprecated: the same as `pageSize` (used only when `pageSize` is not given)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class RedriveDeadLettersRequest {
  @ApiPropertyOptional({ type: [String], description: 'Parked message ids; or leave out and filter instead' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ description: 'Every open message with this reason' })
  @IsOptional()
  @IsString()
  reason?: string;

  @ApiPropertyOptional({ description: 'Every open message of this event type' })
  @IsOptional()
  @IsString()
  eventType?: string;

  @ApiPropertyOptional({ description: 'Every open message (needed when neither ids nor a filter is given)' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

export class RedriveDeadLettersResponse {
  @ApiProperty({ type: [String], description: 'Ids asked for (already re-driven ones are not repeated)' })
  requested!: string[];

  @ApiProperty()
  note!: string;
}
