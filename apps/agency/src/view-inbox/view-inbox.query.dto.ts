import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';

export const inboxFilters = ['open', 'answered', 'all'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

export class ViewInboxQuery extends ActingAgencyQuery {
  @ApiPropertyOptional({
    enum: inboxFilters,
    default: 'open',
    description:
      'open: still to answer (routed, acknowledged, referred); answered: answered by this agency; all',
  })
  @IsOptional()
  @IsIn(inboxFilters)
  status?: InboxFilter;

  @ApiPropertyOptional({ default: 200, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Only this request (a citizen on the phone names their tracking code)',
    example: '4837284308',
  })
  @IsOptional()
  @Matches(/^\d{10}$/, { message: 'trackingCode must be the 10-digit tracking code' })
  trackingCode?: string;
}
