import { Controller, Get, Headers, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { InputValidationError, Roles } from '@samad/service-kit';
import { campaignBoard, type CampaignBoard, type CampaignRequestRow } from './campaign-board';
import { campaignBoardCsv, campaignBoardXlsx } from './campaign-board.export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Format = 'json' | 'csv' | 'xlsx';

/** `?format=` wins; otherwise the Accept header; otherwise JSON. */
export const boardFormatOf = (format: string | undefined, accept: string | undefined): Format => {
  if (format !== undefined) {
    if (format === 'json' || format === 'csv' || format === 'xlsx') return format;
    throw new InputValidationError([{ field: 'format', message: 'must be json, csv or xlsx' }]);
  }
  if (/\btext\/csv\b/i.test(accept ?? '')) return 'csv';
  if ((accept ?? '').includes(XLSX)) return 'xlsx';
  return 'json';
};

interface Row {
  agency_code: string | null;
  county_code: string;
  due_at: Date | null;
  answered_at: Date | null;
  campaign_target_at: Date;
  escalation_level: number;
  campaign_name: string | null;
}

@ApiTags('reports')
@Roles('supervisor')
@Controller('api/reports/campaigns')
export class CampaignBoardHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id/board')
  @ApiOperation({
    summary: 'A provincial-trip campaign’s board (کارنامه سفر), per agency and county',
    description:
      'Received, answered, answered before the campaign’s target, overdue and escalated, each line with ' +
      'the agency’s and county’s Persian names and the board with the campaign’s. `?format=csv|xlsx` ' +
      'or `Accept: text/csv` / the XLSX media type: Persian headers, right-to-left sheet, Jalali dates.',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'xlsx'] })
  @ApiProduces('application/json', 'text/csv', XLSX)
  async board(
    @Param('id') id: string,
    @Query('format') format?: string,
    @Headers('accept') accept?: string,
  ): Promise<CampaignBoard | StreamableFile> {
    const wanted = boardFormatOf(format, accept);
    const rows = (await this.dataSource.query(
      `SELECT agency_code, county_code, due_at, answered_at, campaign_target_at, escalation_level,
              campaign_name
         FROM reporting.requests WHERE campaign_id = $1`,
      [id],
    )) as Row[];
    const board = campaignBoard(
      id,
      rows.map((r): CampaignRequestRow => ({
        agencyCode: r.agency_code,
        countyCode: r.county_code,
        dueAt: r.due_at,
        answeredAt: r.answered_at,
        targetAt: r.campaign_target_at,
        escalationLevel: Number(r.escalation_level),
        campaignName: r.campaign_name,
      })),
      new Date(),
    );
    if (wanted === 'json') return board;
    const filename = `campaign-${id.replace(/[^A-Za-z0-9-]/g, '')}-board`;
    if (wanted === 'csv') {
      return new StreamableFile(Buffer.from(campaignBoardCsv(board), 'utf8'), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="${filename}.csv"`,
      });
    }
    return new StreamableFile(await campaignBoardXlsx(board), {
      type: XLSX,
      disposition: `attachment; filename="${filename}.xlsx"`,
    });
  }
}
