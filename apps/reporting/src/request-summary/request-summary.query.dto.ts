import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** Optional registration-time window, `[from, to)`; both ends UTC ISO-8601. */
export class RequestSummaryQueryDto {
  @ApiPropertyOptional({
    description: 'Only requests registered at or after this instant (ISO-8601)',
    example: '2025-03-21T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Only requests registered before this instant (ISO-8601, exclusive)',
    example: '2025-04-21T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or date-time' })
  to?: string;
}
