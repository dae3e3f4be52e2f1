import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InputValidationError, Roles } from '@samad/service-kit';
import { scorecardsCsv } from './scorecard.csv';
import { InvalidPeriodError, periodOf, type ScorecardPeriod } from './scorecard-period';
import { ScorecardsHandler, type Scorecards } from './scorecards.handler';
import { ScorecardsQueryDto } from './scorecards.query.dto';
import { ScorecardsResponseDto } from './scorecards.response.dto';

const wantsCsv = (format: string | undefined, accept: string | undefined): boolean =>
  format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(accept ?? ''));

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
      'office calendar (ADR 21). `?format=csv` or `Accept: text/csv` gives a UTF-8 CSV with a BOM.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ScorecardsResponseDto })
  @ApiBadRequestResponse({ description: 'Problem Details naming the bad parameter' })
  async scorecards(
    @Query() query: ScorecardsQueryDto,
    @Headers('accept') accept?: string,
  ): Promise<Scorecards | StreamableFile> {
    const now = new Date();
    const scorecards = await this.handler.execute(this.periodOf(query, now), now);
    if (!wantsCsv(query.format, accept)) return scorecards;
    const { fromJalali, toJalali } = scorecards.period;
    return new StreamableFile(Buffer.from(scorecardsCsv(scorecards), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="scorecards-${fromJalali}-${toJalali}.csv"`,
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
