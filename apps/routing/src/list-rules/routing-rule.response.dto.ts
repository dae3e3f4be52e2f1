import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NamedResponse } from '../routing-data/named.response.dto';

export class RuleCategoryResponse extends NamedResponse {
  @ApiProperty({ example: 3, description: 'Working days the agency has to answer' }) deadlineDays!: number;
}

export class RoutingRuleResponse {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ type: RuleCategoryResponse }) category!: RuleCategoryResponse;
  @ApiProperty({
    type: NamedResponse,
    nullable: true,
    description: 'null: the fallback for every county without its own rule',
  })
  county!: NamedResponse | null;
  @ApiProperty({ type: NamedResponse }) agency!: NamedResponse;
  @ApiProperty({ example: 10, description: 'Higher wins among rules of the same county' }) priority!: number;
  @ApiPropertyOptional({ example: 'admin1', description: 'Who last added or changed it (absent: seeded)' })
  changedBy?: string;
  @ApiPropertyOptional({ example: '2026-12-03T08:30:00.000Z' }) changedAt?: string;
  @ApiPropertyOptional({ example: '۱۲ آذر ۱۴۰۵، ۱۲:۰۰', description: 'When, Jalali, Tehran time' })
  changedAtJalali?: string;
}

export class RoutingRulesResponse {
  @ApiProperty({ type: RoutingRuleResponse, isArray: true }) items!: RoutingRuleResponse[];
}
