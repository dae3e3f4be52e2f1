import { ApiProperty } from '@nestjs/swagger';
import { heldStatuses } from '@samad/request-lifecycle';
import { PageFields } from '@samad/service-kit';

class CodeAndNamesDto {
  @ApiProperty({ example: 'ABFA' })
  code!: string;

  @ApiProperty({
    example: 'شرکت آب و فاضلاب استان هرمزگان',
    description: 'The code itself when the catalog no longer knows it',
  })
  nameFa!: string;

  @ApiProperty({ example: 'Provincial Water and Wastewater Company' })
  nameEn!: string;
}

export class OverdueRequestDto {
  @ApiProperty({ example: '1000000170' })
  trackingCode!: string;

  @ApiProperty({ type: CodeAndNamesDto })
  agency!: CodeAndNamesDto;

  @ApiProperty({ type: CodeAndNamesDto })
  county!: CodeAndNamesDto;

  @ApiProperty({ type: CodeAndNamesDto })
  category!: CodeAndNamesDto;

  @ApiProperty({ enum: heldStatuses })
  status!: string;

  @ApiProperty({ enum: ['request', 'complaint', 'demand'] })
  kind!: string;

  @ApiProperty({ enum: ['phone', 'desk', 'trip_letter', 'web'] })
  channel!: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  routedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({
    example: '۵ فروردین ۱۴۰۴، ۱۴:۰۰',
    description: 'Due date in the Jalali calendar, Tehran time',
  })
  dueAtJalali!: string;

  @ApiProperty({ description: 'Whole days elapsed since the due date (0 on the first day late)' })
  daysOverdue!: number;

  @ApiProperty({ description: 'How often the citizen has chased it' })
  followUpCount!: number;

  @ApiProperty({
    enum: [0, 1, 2],
    description: "0 not escalated; 1 to the agency's manager; 2 to the governor's inspection office",
  })
  escalationLevel!: number;
}

export class OverdueRequestsResponseDto extends PageFields {
  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty()
  asOfJalali!: string;

  @ApiProperty({ type: [OverdueRequestDto], description: 'Most overdue first, then by tracking code' })
  items!: OverdueRequestDto[];

  @ApiProperty({
    type: [OverdueRequestDto],
    deprecated: true,
    description: 'Deprecated: the same as `items`',
  })
  requests!: OverdueRequestDto[];
}
