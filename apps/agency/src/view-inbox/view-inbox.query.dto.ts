import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQuery } from '@samad/service-kit';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ActingAgencyQuery } from '../acting-agency/acting-agency.query.dto';

export const inboxFilters = ['open', 'answered', 'all'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

export class ViewInboxQuery extends IntersectionType(ActingAgencyQuery, PageQuery) {
  @ApiPropertyOptional({
    enum: inboxFilters,
    default: 'open',
    description:
      'open: still to answer (routed, acknowledged, referred); answered: answered by this agency; all',
  })
  @IsOptional()
  @IsIn(inboxFilters)
  status?: InboxFilter;

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

  @ApiPropertyOptional({
    description: 'Only this request (a citizen on the phone names their tracking code)',
    example: '4837284308',
  })
  @IsOptional()
  @Matches(/^\d{10}$/, { message: 'trackingCode must be the 10-digit tracking code' })
  trackingCode?: string;
}
