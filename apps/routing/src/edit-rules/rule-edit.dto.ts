import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

// Absent keeps the value; null is no agency or priority, so it is refused like any bad value.
const unlessAbsent = ValidateIf((_body: object, value: unknown) => value !== undefined);

export const MAX_RULE_PRIORITY = 1000;

export class AddRuleRequest {
  @ApiProperty({ example: 'MUN-WASTE', description: 'Category code (GET /api/catalog)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  categoryCode!: string;

  @ApiPropertyOptional({
    example: 'QSM',
    nullable: true,
    description: "County code (GET /api/catalog); null or absent: the category's fallback for every county",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  countyCode?: string | null;

  @ApiProperty({ example: 'QFZ', description: 'Agency code (GET /api/routing/agencies)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  agencyCode!: string;

  @ApiProperty({
    example: 10,
    minimum: 0,
    maximum: MAX_RULE_PRIORITY,
    description: 'Higher wins among the rules of the same county',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_RULE_PRIORITY)
  priority!: number;
}

/** Absent fields keep their value; at least one is given. */
export class ChangeRuleRequest {
  @ApiPropertyOptional({ example: 'QFZ', description: 'Agency code (GET /api/routing/agencies)' })
  @unlessAbsent
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  agencyCode?: string;

  @ApiPropertyOptional({ example: 20, minimum: 0, maximum: MAX_RULE_PRIORITY })
  @unlessAbsent
  @IsInt()
  @Min(0)
  @Max(MAX_RULE_PRIORITY)
  priority?: number;

  @ApiPropertyOptional({
    example: 'QSM',
    nullable: true,
    description: "Move the rule to this county; null: make it the category's fallback; absent: keep",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  countyCode?: string | null;
}
