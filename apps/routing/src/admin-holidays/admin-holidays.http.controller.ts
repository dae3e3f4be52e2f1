import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  formatJalaliDate,
  isSolarHoliday,
  jalaliOfGregorianKey,
  jalaliToGregorianKey,
  solarHolidaysOf,
  tehranDateKey,
  toAsciiDigits,
} from '@samad/request-lifecycle';
import { CurrentActor, InputValidationError, Roles, type ActorIdentity } from '@samad/service-kit';
import { DeclareHolidayRequest, HolidayResponse, HolidaysResponse } from './holiday.dto';
import { HolidayAlreadyDeclaredError, HolidayNotFoundError } from './holiday.errors';
import { DECLARABLE_YEARS, jalaliDateFa, jalaliDateInput } from './holiday-calendar';

interface DeclaredRow {
  day: string;
  nameFa: string;
  declaredBy: string;
  declaredAt: Date;
}

const declaredView = (row: DeclaredRow): HolidayResponse => {
  const jalali = jalaliOfGregorianKey(row.day);
  return {
    date: formatJalaliDate(jalali),
    dateFa: jalaliDateFa(jalali),
    gregorianDate: row.day,
    nameFa: row.nameFa,
    kind: 'declared',
    declaredBy: row.declaredBy,
    declaredAt: row.declaredAt.toISOString(),
  };
};

const SELECT_DECLARED = `SELECT to_char(day, 'YYYY-MM-DD') AS day, name_fa AS "nameFa",
                                declared_by AS "declaredBy", declared_at AS "declaredAt"
                           FROM routing.holidays`;

/** The holidays due dates skip: the fixed solar ones (computed) and those administrators declare. */
@ApiTags('working calendar')
@Roles('admin')
@Controller('api/admin/holidays')
export class AdminHolidaysHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Every holiday of a Jalali year: fixed solar holidays and declared ones' })
  @ApiQuery({
    name: 'year',
    required: false,
    description: 'Jalali year (default: the current one in Tehran)',
  })
  @ApiOkResponse({ type: HolidaysResponse })
  async list(@Query('year') yearText?: string): Promise<HolidaysResponse> {
    const year =
      yearText === undefined
        ? jalaliOfGregorianKey(tehranDateKey(new Date())).year
        : Number(toAsciiDigits(yearText));
    if (!Number.isInteger(year) || year < DECLARABLE_YEARS.min || year > DECLARABLE_YEARS.max) {
      throw new InputValidationError([
        { field: 'year', message: `a Jalali year ${DECLARABLE_YEARS.min}–${DECLARABLE_YEARS.max}` },
      ]);
    }
    const fixed = solarHolidaysOf(year).map((h): HolidayResponse => ({
      date: formatJalaliDate(h.jalali),
      dateFa: jalaliDateFa(h.jalali),
      gregorianDate: h.day,
      nameFa: h.nameFa,
      kind: 'fixed',
    }));
    const declared: DeclaredRow[] = await this.dataSource.query(
      `${SELECT_DECLARED} WHERE day >= $1 AND day < $2`,
      [
        jalaliToGregorianKey({ year, month: 1, day: 1 }),
        jalaliToGregorianKey({ year: year + 1, month: 1, day: 1 }),
      ],
    );
    const items = [...fixed, ...declared.map(declaredView)].sort((a, b) =>
      a.gregorianDate.localeCompare(b.gregorianDate),
    );
    return { year, items };
  }

  @Post()
  @ApiOperation({
    summary: 'Declare a holiday (a lunar holiday, a one-off closure)',
    description:
      'Due dates computed from then on skip the day, on every replica. A day that already is a holiday ' +
      '(declared, or a fixed solar holiday) answers 409 HOLIDAY_ALREADY_DECLARED.',
  })
  @ApiCreatedResponse({ type: HolidayResponse })
  @ApiBadRequestResponse({ description: 'Not a Jalali date, or a year outside 1400–1499 (Problem Details)' })
  @ApiConflictResponse({ description: 'The day already is a holiday' })
  async declare(
    @Body() body: DeclareHolidayRequest,
    @CurrentActor() actor: ActorIdentity,
  ): Promise<HolidayResponse> {
    const jalali = jalaliDateInput(body.date, 'date');
    const nameFa = body.nameFa.trim();
    if (!nameFa) throw new InputValidationError([{ field: 'nameFa', message: 'must not be blank' }]);
    const day = jalaliToGregorianKey(jalali);
    if (isSolarHoliday(day)) {
      throw new HolidayAlreadyDeclaredError(`${formatJalaliDate(jalali)} is a fixed official holiday`);
    }
    const [row]: DeclaredRow[] = await this.dataSource.query(
      `INSERT INTO routing.holidays (day, name_fa, declared_by) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO NOTHING
       RETURNING to_char(day, 'YYYY-MM-DD') AS day, name_fa AS "nameFa",
                 declared_by AS "declaredBy", declared_at AS "declaredAt"`,
      [day, nameFa, actor.id],
    );
    if (!row) throw new HolidayAlreadyDeclaredError(`${formatJalaliDate(jalali)} already is a holiday`);
    return declaredView(row);
  }

  @Delete(':date')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Withdraw a declared holiday (Jalali date, e.g. 1410-04-15)',
    description: 'Due dates already computed keep their value. Fixed solar holidays cannot be withdrawn.',
  })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiBadRequestResponse({ description: 'Not a Jalali date (Problem Details)' })
  @ApiNotFoundResponse({ description: 'No declared holiday on that day' })
  async withdraw(@Param('date') date: string): Promise<void> {
    const jalali = jalaliDateInput(date, 'date');
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM routing.holidays WHERE day = $1',
      [jalaliToGregorianKey(jalali)],
    );
    if (!deleted) throw new HolidayNotFoundError(`no declared holiday on ${formatJalaliDate(jalali)}`);
  }
}
