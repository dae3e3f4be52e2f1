import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { nameOf } from '@samad/reference-data';
import { Roles } from '@samad/service-kit';
import { PossibleDuplicateDto } from '../possible-duplicates/possible-duplicates.dto';
import { toPossibleDuplicate } from '../possible-duplicates/possible-duplicates.query';
import type { PossibleDuplicateRow } from '../read-model/request-index.projection';

const matterStates = ['open', 'answered'] as const;

export class ListMattersQueryDto {
  @ApiPropertyOptional({ example: 1, minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ enum: matterStates, description: 'open: some request not yet answered' })
  @IsOptional()
  @IsIn([...matterStates], { message: 'status must be open or answered' })
  status?: (typeof matterStates)[number];
}

export class MatterRequestDto extends PossibleDuplicateDto {
  @ApiProperty({ example: 'ABFA', nullable: true, description: 'The agency holding (or that answered) it' })
  agencyCode!: string | null;

  @ApiProperty({ example: 'شرکت آب و فاضلاب', nullable: true })
  agencyNameFa!: string | null;
}

export class MatterDto {
  @ApiProperty({ example: '0b6c0d7e-2a55-4a43-9d3b-3d6f1ee0f4a1' })
  matterId!: string;

  @ApiProperty({ example: '2026-12-02T08:00:00.000Z', description: 'When its first request was linked' })
  linkedAt!: string;

  @ApiProperty({ enum: matterStates, description: 'answered: every request answered or closed' })
  status!: string;

  @ApiProperty({ example: 3 }) requestCount!: number;
  @ApiProperty({ example: 1 }) answeredCount!: number;

  @ApiProperty({ type: [MatterRequestDto] })
  requests!: MatterRequestDto[];
}

export class MattersPageDto {
  @ApiProperty({ type: [MatterDto], description: 'Newest first' })
  items!: MatterDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 42, description: 'Matters matching, on every page' }) total!: number;
}

type MatterRow = PossibleDuplicateRow & {
  matter_id: string;
  matter_linked_at: Date;
  agency_code: string | null;
  total: number;
};

/** Supervisors' list of collective matters (ADR 27), from intake.request_index. Nothing personal. */
@ApiTags('requests')
@Controller('api/requests')
export class ListMattersHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('matters')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Collective matters, newest first, each with its requests and their status (ADR 27)',
    description:
      'A matter is answered when each of its requests is answered or closed. The list follows the ' +
      'request-events topic (eventually consistent).',
  })
  @ApiOkResponse({ type: MattersPageDto })
  @ApiBadRequestResponse({ description: 'page or pageSize out of range, or an unknown status' })
  async list(@Query() query: ListMattersQueryDto): Promise<MattersPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows = (await this.dataSource.query(
      `WITH matters AS (
         SELECT matter_id, min(matter_linked_at) AS linked_at,
                bool_and(status IN ('answered', 'closed')) AS done
           FROM intake.request_index WHERE matter_id IS NOT NULL
          GROUP BY matter_id),
       chosen AS (
         SELECT matter_id, linked_at, count(*) OVER ()::int AS total FROM matters
          WHERE $1::text IS NULL OR done = ($1 = 'answered')
          ORDER BY linked_at DESC, matter_id LIMIT $2 OFFSET $3)
       SELECT c.matter_id, c.linked_at AS matter_linked_at, c.total, i.tracking_code, i.category_code,
              i.county_code, i.status, i.registered_at, i.agency_code
         FROM chosen c JOIN intake.request_index i USING (matter_id)
        ORDER BY c.linked_at DESC, c.matter_id, i.registered_at, i.tracking_code`,
      [query.status ?? null, pageSize, (page - 1) * pageSize],
    )) as MatterRow[];
    const items = new Map<string, MatterDto>();
    for (const row of rows) {
      let matter = items.get(row.matter_id);
      if (!matter) {
        matter = {
          matterId: row.matter_id,
          linkedAt: row.matter_linked_at.toISOString(),
          status: 'open',
          requestCount: 0,
          answeredCount: 0,
          requests: [],
        };
        items.set(row.matter_id, matter);
      }
      matter.requests.push({
        ...toPossibleDuplicate(row),
        agencyCode: row.agency_code,
        agencyNameFa: row.agency_code === null ? null : nameOf('agency', row.agency_code).nameFa,
      });
      matter.requestCount += 1;
      if (row.status === 'answered' || row.status === 'closed') matter.answeredCount += 1;
    }
    for (const matter of items.values()) {
      matter.status = matter.answeredCount === matter.requestCount ? 'answered' : 'open';
    }
    // A page past the end has no rows to carry the total: count apart then.
    const total =
      rows[0]?.total ??
      (
        (await this.dataSource.query(
          `SELECT count(DISTINCT matter_id)::int AS n FROM intake.request_index WHERE matter_id IS NOT NULL`,
        )) as [{ n: number }]
      )[0].n;
    return { items: [...items.values()], page, pageSize, total };
  }
}
