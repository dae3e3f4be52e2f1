import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '@samad/service-kit';

export const directiveStates = ['open', 'reported', 'overdue'] as const;
type DirectiveState = (typeof directiveStates)[number];

export class DirectivesReportQuery {
  @ApiPropertyOptional({ example: 'ABFA', description: 'Only directives binding this agency' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agency?: string;

  @ApiPropertyOptional({
    example: 'governor1',
    description: 'Only directives given by this official or supervisor',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  official?: string;

  @ApiPropertyOptional({
    enum: directiveStates,
    description: 'open: awaiting a report within its time; overdue: past it, not reported; reported',
  })
  @IsOptional()
  @IsIn([...directiveStates], { message: 'state must be open, reported or overdue' })
  state?: DirectiveState;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00.000Z', description: 'Given at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T00:00:00.000Z', description: 'Given before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class DirectivesReportRow {
  @ApiProperty({ example: 'governor1', description: 'Who gave them' }) issuedBy!: string;
  @ApiProperty({ enum: ['supervisor', 'official'] }) role!: string;
  @ApiProperty({ example: 'ABFA' }) agencyCode!: string;
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({ example: 1, description: 'Awaiting a report, within their time' }) open!: number;
  @ApiProperty({ example: 1, description: 'Past their time without a report (escalated)' }) overdue!: number;
  @ApiProperty({ example: 1 }) reported!: number;
  @ApiProperty({ example: 0, description: 'Of the reported, how many after their time' })
  reportedLate!: number;
}

export class DirectivesReportResponse {
  @ApiProperty({ type: DirectivesReportRow, isArray: true, description: 'By official, then agency' })
  rows!: DirectivesReportRow[];
  @ApiProperty({ example: 3 }) total!: number;
}

// A directive's state: reported wins over overdue (a late report still counts as reported).
const STATE_SQL = `CASE WHEN reported_at IS NOT NULL THEN 'reported'
                        WHEN overdue_at IS NOT NULL THEN 'overdue' ELSE 'open' END`;

/** Directives by official, agency and state (ADR 37), from the facts on the request topic. */
@ApiTags('reports')
@Roles('supervisor', 'official', 'auditor', 'admin')
@Controller('api/reports')
export class DirectivesReportHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('directives')
  @ApiOperation({
    summary: 'Directives by official, agency and state (open, overdue, reported)',
    description: 'Counts only: the instructions and the reports are in each request’s history, not here.',
  })
  @ApiOkResponse({ type: DirectivesReportResponse })
  @ApiBadRequestResponse({ description: 'Problem Details naming the bad parameter' })
  async report(@Query() query: DirectivesReportQuery): Promise<DirectivesReportResponse> {
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT issued_by AS "issuedBy", role, agency_code AS "agencyCode", count(*) AS total,
              count(*) FILTER (WHERE state = 'open') AS open,
              count(*) FILTER (WHERE state = 'overdue') AS overdue,
              count(*) FILTER (WHERE state = 'reported') AS reported,
              count(*) FILTER (WHERE state = 'reported' AND late) AS "reportedLate"
         FROM (SELECT *, ${STATE_SQL} AS state FROM reporting.directives) d
        WHERE ($1::text IS NULL OR agency_code = $1)
          AND ($2::text IS NULL OR issued_by = $2)
          AND ($3::text IS NULL OR state = $3)
          AND ($4::timestamptz IS NULL OR issued_at >= $4)
          AND ($5::timestamptz IS NULL OR issued_at < $5)
        GROUP BY issued_by, role, agency_code
        ORDER BY issued_by, agency_code`,
      [
        query.agency ?? null,
        query.official ?? null,
        query.state ?? null,
        query.from ?? null,
        query.to ?? null,
      ],
    );
    const counted = rows.map((r) => ({
      issuedBy: r.issuedBy,
      role: r.role,
      agencyCode: r.agencyCode,
      total: Number(r.total),
      open: Number(r.open),
      overdue: Number(r.overdue),
      reported: Number(r.reported),
      reportedLate: Number(r.reportedLate),
    }));
    return { rows: counted, total: counted.reduce((sum, r) => sum + r.total, 0) };
  }
}
