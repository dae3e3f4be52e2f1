import { ApiProperty } from '@nestjs/swagger';

// OpenAPI shapes of GET /api/reports/summary; the values come from request-summary.report.ts.

class GroupStatisticsDto {
  @ApiProperty({ description: 'Requests registered in the window' })
  total!: number;

  @ApiProperty({ description: 'Not yet answered or closed' })
  open!: number;

  @ApiProperty({ description: 'Answered (including those closed after the answer)' })
  answered!: number;

  @ApiProperty({ description: 'Held by an agency past the due date' })
  overdue!: number;

  @ApiProperty({ description: 'Escalated after a missed deadline (level 1 or 2); counts against an agency' })
  escalated!: number;

  @ApiProperty({ description: "Of those, escalated to the governor's inspection office (level 2)" })
  escalatedToInspection!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Answered by the due date ÷ answered (0..1)' })
  answeredOnTimeRate!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean hours from registration to answer' })
  meanHoursToAnswer!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '90th percentile of hours to answer' })
  p90HoursToAnswer!: number | null;
}

class NamedGroupStatisticsDto extends GroupStatisticsDto {
  @ApiProperty({
    example: 'شرکت آب و فاضلاب استان هرمزگان',
    description: 'The code itself when the catalog no longer knows it',
  })
  nameFa!: string;

  @ApiProperty({ example: 'Provincial Water and Wastewater Company' })
  nameEn!: string;
}

export class AgencyStatisticsDto extends NamedGroupStatisticsDto {
  @ApiProperty({ description: 'Position in the responsiveness ranking (1 = most responsive)' })
  rank!: number;

  @ApiProperty({ example: 'ABFA' })
  agencyCode!: string;
}

export class CountyStatisticsDto extends NamedGroupStatisticsDto {
  @ApiProperty({ example: 'BND' })
  countyCode!: string;
}

export class CategoryStatisticsDto extends NamedGroupStatisticsDto {
  @ApiProperty({ example: 'WAT-CUT' })
  categoryCode!: string;
}

class SummaryWindowDto {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  from!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  to!: string | null;
}

class TimeToAnswerDto {
  @ApiProperty()
  answered!: number;

  @ApiProperty({ type: Number, nullable: true })
  meanHours!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p90Hours!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  answeredOnTimeRate!: number | null;
}

export class RequestSummaryResponseDto {
  @ApiProperty({ type: SummaryWindowDto })
  window!: SummaryWindowDto;

  @ApiProperty({ format: 'date-time', description: 'The instant "overdue" was measured against' })
  asOf!: string;

  @ApiProperty({ example: '۱ فروردین ۱۴۰۴، ۱۰:۳۰' })
  asOfJalali!: string;

  @ApiProperty()
  total!: number;

  @ApiProperty({ description: 'Registered and closed on the call from a knowledge-base article (ADR 36)' })
  answeredAtFirstContact!: number;

  @ApiProperty({ description: 'Follow-ups citizens made on these requests' })
  followUps!: number;

  @ApiProperty({ description: 'Times an agency returned one of these requests as not its own' })
  returns!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { registered: 0, routed: 4, acknowledged: 2, answered: 10, closed: 3 },
  })
  byStatus!: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { phone: 12, desk: 3, trip_letter: 4, web: 0 },
  })
  byChannel!: Record<string, number>;

  @ApiProperty({ type: [AgencyStatisticsDto], description: 'Ranked by responsiveness' })
  byAgency!: AgencyStatisticsDto[];

  @ApiProperty({ type: [CountyStatisticsDto] })
  byCounty!: CountyStatisticsDto[];

  @ApiProperty({ type: [CategoryStatisticsDto] })
  byCategory!: CategoryStatisticsDto[];

  @ApiProperty({ type: TimeToAnswerDto })
  timeToAnswer!: TimeToAnswerDto;
}
