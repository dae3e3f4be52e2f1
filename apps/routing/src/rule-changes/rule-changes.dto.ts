import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageFields, PageQuery } from '@samad/service-kit';
import { NamedResponse } from '../routing-data/named.response.dto';

export class RuleChangesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 42, description: 'Only the changes of this rule' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  ruleId?: number;
}

/** A rule's terms at one moment, with names (a code routing no longer knows is named by itself). */
export class RuleTermsResponse {
  @ApiProperty({ type: NamedResponse }) category!: NamedResponse;
  @ApiProperty({ type: NamedResponse, nullable: true, description: 'null: the fallback for every county' })
  county!: NamedResponse | null;
  @ApiProperty({ type: NamedResponse }) agency!: NamedResponse;
  @ApiProperty({ example: 10 }) priority!: number;
}

export class RuleChangeResponse {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ example: 42, description: "The rule's id (a removed rule's too: past routings name it)" })
  ruleId!: number;
  @ApiProperty({ enum: ['added', 'changed', 'removed'] }) change!: 'added' | 'changed' | 'removed';
  @ApiProperty({ type: RuleTermsResponse, nullable: true, description: 'null when added' })
  before!: RuleTermsResponse | null;
  @ApiProperty({ type: RuleTermsResponse, nullable: true, description: 'null when removed' })
  after!: RuleTermsResponse | null;
  @ApiProperty({ example: 'admin1' }) changedBy!: string;
  @ApiProperty({ example: '2026-12-03T08:30:00.000Z' }) changedAt!: string;
  @ApiProperty({ example: '۱۲ آذر ۱۴۰۵، ۱۲:۰۰', description: 'When, Jalali, Tehran time' })
  changedAtJalali!: string;
}

export class RuleChangesResponse extends PageFields {
  @ApiProperty({ type: RuleChangeResponse, isArray: true, description: 'Newest first' })
  items!: RuleChangeResponse[];
}
