import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  formatJalali,
  formatJalaliDate,
  formatOfficeHours,
  type WorkingCalendar,
} from '@samad/request-lifecycle';
import { SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import {
  figuresOf,
  rankedBy,
  trendByMonth,
  type CountedFact,
  type MonthTrend,
  type Ranked,
  type ScorecardFigures,
} from './scorecard.aggregate';
import type { ScorecardFactKind } from './scorecard-facts';
import { jalaliMonthOf, jalaliMonthsBefore, monthPeriod, type ScorecardPeriod } from './scorecard-period';

/** How many Jalali months the trend shows, ending with the period's last month. */
export const TREND_MONTHS = 6;

export interface Scorecards {
  period: { from: string; to: string; fromJalali: string; toJalali: string };
  asOf: string;
  asOfJalali: string;
  /** Where the declared (lunar) holidays of the working-time figures came from. */
  calendar: { thursday: string; officeHours: string; declaredHolidays: 'routing.holidays' | 'unavailable' };
  total: ScorecardFigures;
  byAgency: Ranked<'agencyCode'>[];
  byCounty: Ranked<'countyCode'>[];
  trend: MonthTrend[];
  notes: string[];
}

interface FactRow {
  kind: ScorecardFactKind;
  tracking_code: string;
  agency_code: string;
  county_code: string;
  at: Date;
  received_at: Date | null;
  due_at: Date | null;
  value: string | null;
}

const toFact = (row: FactRow): CountedFact => ({
  kind: row.kind,
  trackingCode: row.tracking_code,
  agencyCode: row.agency_code,
  countyCode: row.county_code,
  at: row.at,
  ...(row.received_at ? { receivedAt: row.received_at } : {}),
  ...(row.due_at ? { dueAt: row.due_at } : {}),
  ...(row.value !== null ? { value: Number(row.value) } : {}),
});

@Injectable()
export class ScorecardsHandler {
  private readonly logger = new Logger(ScorecardsHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(period: ScorecardPeriod, now: Date): Promise<Scorecards> {
    const lastMonth = jalaliMonthOf(new Date(period.to.getTime() - 1));
    const months = Array.from({ length: TREND_MONTHS }, (_, i) =>
      jalaliMonthsBefore(lastMonth, TREND_MONTHS - 1 - i),
    );
    const trendFrom = monthPeriod(months[0]).from;
    const scanFrom = trendFrom < period.from ? trendFrom : period.from;
    const rows: FactRow[] = await this.dataSource.query(
      `SELECT kind, tracking_code, agency_code, county_code, at, received_at, due_at, value
         FROM reporting.scorecard_facts WHERE at >= $1 AND at < $2`,
      [scanFrom, period.to],
    );
    const facts = rows.map(toFact);
    const inPeriod = facts.filter((f) => f.at >= period.from && f.at < period.to);
    const { calendar, declaredHolidays } = await this.workingCalendar();
    return {
      period: {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        fromJalali: formatJalaliDate(period.firstDay),
        toJalali: formatJalaliDate(period.lastDay),
      },
      asOf: now.toISOString(),
      asOfJalali: formatJalali(now),
      calendar: {
        thursday: calendar.thursday,
        officeHours: formatOfficeHours(calendar.officeHours),
        declaredHolidays,
      },
      total: figuresOf(inPeriod, calendar),
      byAgency: rankedBy('agencyCode', inPeriod, calendar),
      byCounty: rankedBy('countyCode', inPeriod, calendar),
      trend: trendByMonth(facts, months, calendar),
      notes: [
        ...(declaredHolidays === 'unavailable'
          ? ['routing.holidays was not readable: working days skip only Fridays and the fixed solar holidays']
          : []),
      ],
    };
  }

  /** The working calendar of ADR 21: configuration's week, routing's declared holidays when readable. */
  private async workingCalendar(): Promise<{
    calendar: WorkingCalendar;
    declaredHolidays: Scorecards['calendar']['declaredHolidays'];
  }> {
    const settings = this.config.workingCalendar;
    try {
      const rows: { day: string }[] = await this.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM routing.holidays`,
      );
      return {
        calendar: { ...settings, holidays: new Set(rows.map((r) => r.day)) },
        declaredHolidays: 'routing.holidays',
      };
    } catch (error) {
      // Another schema: a deployment may not grant reporting read access to it.
      this.logger.warn(`routing.holidays not readable, declared holidays ignored: ${String(error)}`);
      return { calendar: { ...settings, holidays: new Set() }, declaredHolidays: 'unavailable' };
    }
  }
}
