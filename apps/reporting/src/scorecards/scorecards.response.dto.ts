import { ApiProperty } from '@nestjs/swagger';

class EscalationCountsDto {
  @ApiProperty({ description: "To the agency's manager" }) level1!: number;
  @ApiProperty({ description: "To the governor's inspection office" }) level2!: number;
}

export class ScorecardFiguresDto {
  @ApiProperty({ description: 'Routed to the agency in the period' }) received!: number;
  @ApiProperty() answered!: number;
  @ApiProperty({ description: 'Answered by the due time then running' }) answeredOnTime!: number;
  @ApiProperty({ type: Number, nullable: true }) answeredOnTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Working days, routing to answer' })
  meanWorkingDaysToAnswer!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90WorkingDaysToAnswer!: number | null;
  @ApiProperty() deadlinesMissed!: number;
  @ApiProperty({ type: EscalationCountsDto }) escalations!: EscalationCountsDto;
  @ApiProperty({ description: 'Pending: 0 until reopening is a fact' }) reopened!: number;
  @ApiProperty({ type: Number, nullable: true }) reopenRate!: number | null;
  @ApiProperty({ description: 'Pending: 0 until extensions are facts' }) extensionsRequested!: number;
  @ApiProperty() extensionsGranted!: number;
  @ApiProperty() ratings!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Pending: null until ratings are facts' })
  meanSatisfaction!: number | null;
  @ApiProperty({ description: "Of answered: by the agency's manager in person at the centre (ADR 38)" })
  answeredInPerson!: number;
}

export class AgencyScorecardDto extends ScorecardFiguresDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ example: 'ABFA' }) agencyCode!: string;
  @ApiProperty() nameFa!: string;
  @ApiProperty() nameEn!: string;
}

export class CountyScorecardDto extends ScorecardFiguresDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ example: 'BND' }) countyCode!: string;
  @ApiProperty() nameFa!: string;
  @ApiProperty() nameEn!: string;
}

class PeriodDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) to!: string;
  @ApiProperty({ example: '1405-09-01' }) fromJalali!: string;
  @ApiProperty({ example: '1405-09-30', description: 'Included' }) toJalali!: string;
}

class CalendarDto {
  @ApiProperty({ enum: ['off', 'half', 'working'] }) thursday!: string;
  @ApiProperty({ example: '07:30-14:30' }) officeHours!: string;
  @ApiProperty({ enum: ['routing.holidays', 'unavailable'] }) declaredHolidays!: string;
}

class MonthTrendDto {
  @ApiProperty({ example: '1405-09' }) month!: string;
  @ApiProperty({ type: ScorecardFiguresDto }) total!: ScorecardFiguresDto;
  @ApiProperty({ type: [AgencyScorecardDto] }) byAgency!: AgencyScorecardDto[];
}

export class ScorecardsResponseDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() asOfJalali!: string;
  @ApiProperty({ type: CalendarDto }) calendar!: CalendarDto;
  @ApiProperty({ type: ScorecardFiguresDto }) total!: ScorecardFiguresDto;
  @ApiProperty({ type: [AgencyScorecardDto] }) byAgency!: AgencyScorecardDto[];
  @ApiProperty({ type: [CountyScorecardDto] }) byCounty!: CountyScorecardDto[];
  @ApiProperty({ type: [MonthTrendDto], description: 'The six Jalali months ending with the period' })
  trend!: MonthTrendDto[];
  @ApiProperty({
    type: [String],
    description: 'Figures that are approximated, and why (e.g. declared holidays not readable)',
  })
  notes!: string[];
}
