import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_DEADLINE_DAYS = 90;

export class SetCategoryDeadlineRequest {
  @ApiProperty({ example: 5, minimum: 1, maximum: MAX_DEADLINE_DAYS, description: 'Working days to answer' })
  @IsInt()
  @Min(1)
  @Max(MAX_DEADLINE_DAYS)
  deadlineDays!: number;
}

export class CategoryDeadlineResponse {
  @ApiProperty({ example: 'WAT-CUT' }) code!: string;
  @ApiProperty({ example: 'قطعی آب' }) nameFa!: string;
  @ApiProperty({ example: 'Water outage' }) nameEn!: string;
  @ApiProperty({ example: 3, description: 'Working days to answer, as routing applies it now' })
  deadlineDays!: number;
  @ApiProperty({ example: 3, description: "The catalog's default (libs/reference-data)", nullable: true })
  defaultDeadlineDays!: number | null;
  @ApiPropertyOptional({ example: 'admin1', description: 'Who last changed it (absent: never changed)' })
  changedBy?: string;
  @ApiPropertyOptional({ example: '2026-12-02T08:30:00.000Z' }) changedAt?: string;
  @ApiPropertyOptional({ example: '۱۱ آذر ۱۴۰۵، ۱۲:۰۰', description: 'When, Jalali, Tehran time' })
  changedAtJalali?: string;
}

export class CategoryDeadlinesResponse {
  @ApiProperty({ type: [CategoryDeadlineResponse] }) items!: CategoryDeadlineResponse[];
}
