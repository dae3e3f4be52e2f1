import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { formatJalali } from '@samad/request-lifecycle';
import { categories } from '@samad/reference-data';
import { CurrentActor, Roles, type ActorIdentity } from '@samad/service-kit';
import {
  CategoryDeadlineResponse,
  CategoryDeadlinesResponse,
  SetCategoryDeadlineRequest,
} from './category-deadline.dto';

/** No category with that code. */
export class CategoryNotFoundError extends Error {
  readonly code = 'CATEGORY_NOT_FOUND';
}

interface CategoryRow {
  code: string;
  nameFa: string;
  nameEn: string;
  deadlineDays: number;
  changedBy: string | null;
  changedAt: Date | null;
}

const catalogDeadline = new Map(categories.map((c) => [c.code, c.deadlineDays]));

const view = (row: CategoryRow): CategoryDeadlineResponse => ({
  code: row.code,
  nameFa: row.nameFa,
  nameEn: row.nameEn,
  deadlineDays: row.deadlineDays,
  defaultDeadlineDays: catalogDeadline.get(row.code) ?? null,
  ...(row.changedBy !== null && { changedBy: row.changedBy }),
  ...(row.changedAt !== null && {
    changedAt: row.changedAt.toISOString(),
    changedAtJalali: formatJalali(row.changedAt),
  }),
});

const COLUMNS = `code, name_fa AS "nameFa", name_en AS "nameEn", deadline_days AS "deadlineDays",
                 deadline_changed_by AS "changedBy", deadline_changed_at AS "changedAt"`;

/**
 * Each category's deadline in working days. The catalog seeds it; an administrator's value in
 * routing.categories is what routing applies to requests routed from then on.
 */
@ApiTags('working calendar')
@Roles('admin')
@Controller('api/admin/categories')
export class CategoryDeadlinesHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('deadlines')
  @ApiOperation({ summary: "Every category's deadline in working days, with the catalog's default" })
  @ApiOkResponse({ type: CategoryDeadlinesResponse })
  async list(): Promise<CategoryDeadlinesResponse> {
    const rows: CategoryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing.categories ORDER BY code`,
    );
    return { items: rows.map(view) };
  }

  @Put(':code/deadline')
  @ApiOperation({
    summary: "Set a category's deadline in working days",
    description: 'Applies to requests routed from then on; due dates already set keep their value.',
  })
  @ApiOkResponse({ type: CategoryDeadlineResponse })
  @ApiBadRequestResponse({ description: 'deadlineDays is not a whole number 1–90 (Problem Details)' })
  @ApiNotFoundResponse({ description: 'No such category' })
  async set(
    @Param('code') code: string,
    @Body() body: SetCategoryDeadlineRequest,
    @CurrentActor() actor: ActorIdentity,
  ): Promise<CategoryDeadlineResponse> {
    const [rows]: [CategoryRow[], number] = await this.dataSource.query(
      `UPDATE routing.categories
          SET deadline_days = $2, deadline_changed_by = $3, deadline_changed_at = now()
        WHERE code = $1
        RETURNING ${COLUMNS}`,
      [code.trim().toUpperCase(), body.deadlineDays, actor.id],
    );
    if (!rows?.length) throw new CategoryNotFoundError(`no category ${code}`);
    return view(rows[0]);
  }
}
