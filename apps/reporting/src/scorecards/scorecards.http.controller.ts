import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InputValidationError, Roles } from '@samad/service-kit';
import { scorecardsCsv } from './scorecard.csv';
import { scorecardsXlsx } from './scorecard.xlsx';
import { InvalidPeriodError, periodOf, type ScorecardPeriod } from './scorecard-period';
import { ScorecardsHandler, type Scorecards } from './scorecards.handler';
import { ScorecardsQueryDto } from './scorecards.query.dto';
import { ScorecardsResponseDto } from './scorecards.response.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `?format=` wins; otherwise the Accept header; otherwise JSON. */
const formatOf = (format: string | undefined, accept: string | undefined): 'json' | 'csv' | 'xlsx' => {
  if (format !== undefined) return format === 'csv' || format === 'xlsx' ? format : 'json';
  if (/\btext\/csv\b/i.test(accept ?? '')) return 'csv';
  return (accept ?? '').includes(XLSX) ? 'xlsx' : 'json';
};

@ApiTags('reports')
@Roles('supervisor', 'auditor')
@Controller('api/reports')
export class ScorecardsHttpController {
  constructor(private readonly handler: ScorecardsHandler) {}

  @Get('scorecards')
  @ApiOperation({
    summary: "Agencies' and counties' scorecards for a Jalali period, ranked, with the trend by month",
    description:
      'Counts facts that happened in the period (received = routed to the agency). Working days follow the ' +
      'office calendar (ADR 21). `?format=csv` or `Accept: text/csv` gives a UTF-8 CSV with a BOM; `?format=xlsx` or the XLSX media ' +
      'type the same table as a right-to-left sheet.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({ type: ScorecardsResponseDto })
  @ApiBadRequestResponse({ description: 'Problem Details naming the bad parameter' })
  async scorecards(
    @Query() query: ScorecardsQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<Scorecards | StreamableFile> {
    const now = new Date();
    const scorecards = await this.handler.execute(this.periodOf(query, now), now);
    const wanted = formatOf(query.format, accept);
    if (wanted === 'json') return scorecards;
    const { fromJalali, toJalali } = scorecards.period;
    const filename = `scorecards-${fromJalali}-${toJalali}`;
    if (wanted === 'csv') {
      return new StreamableFile(Buffer.from(scorecardsCsv(scorecards), 'utf8'), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="${filename}.csv"`,
      });
    }
    return new StreamableFile(await scorecardsXlsx(scorecards), {
      type: XLSX,
      disposition: `attachment; filename="${filename}.xlsx"`,
    });
  }

  private periodOf(query: ScorecardsQueryDto, now: Date): ScorecardPeriod {
    try {
      return periodOf(query, now);
    } catch (error) {
      if (error instanceof InvalidPeriodError)
        throw new InputValidationError([{ field: error.parameter, message: error.message }]);
      throw error;
    }
  }
}
