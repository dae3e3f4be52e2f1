import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

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

  @ApiPropertyOptional({
    description:
      'The summary as it stood at this moment, replayed from the event store: an ISO-8601 instant, or a Jalali date ' +
      '(Persian or Latin digits) with an optional Tehran time; a day alone means the end of that day in Tehran',
    example: '1404/09/11 14:30',
  })
  @IsOptional()
  @IsString({ message: 'asOf must be a date or date-time' })
  @MaxLength(40, { message: 'asOf must be a date or date-time' })
  asOf?: string;
}
