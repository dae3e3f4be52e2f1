import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { formatJalali } from '@samad/request-lifecycle';
import { PageQuery, Roles, pageOfRows, pageWindow, pagingDescription } from '@samad/service-kit';
import { ManualQueueResponse } from './manual-queue.response.dto';

interface QueueRow {
  trackingCode: string;
  categoryCode: string;
  categoryFa: string | null;
  categoryEn: string | null;
  countyCode: string;
  countyFa: string | null;
  countyEn: string | null;
  reason: string;
  since: Date;
  total: number;
}

@ApiTags('manual routing')
// Admins see where the rules leave gaps; only supervisors route by hand.
@Roles('supervisor', 'admin')
@Controller('api/routing/manual-queue')
export class ListManualQueueHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Requests waiting for a supervisor to choose the agency, oldest first (paged, with the total)',
    description: pagingDescription,
  })
  @ApiOkResponse({ type: ManualQueueResponse })
  @ApiBadRequestResponse({ description: 'A bad page or pageSize (Problem Details naming it)' })
  async list(@Query() query: PageQuery): Promise<ManualQueueResponse> {
    const window = pageWindow(query);
    const rows: QueueRow[] = await this.dataSource.query(
      `
      SELECT (count(*) OVER ())::int AS total, q.tracking_code AS "trackingCode", q.reason, q.since,
             q.category_code AS "categoryCode", c.name_fa AS "categoryFa", c.name_en AS "categoryEn",
             q.county_code AS "countyCode", co.name_fa AS "countyFa", co.name_en AS "countyEn"
        FROM routing.manual_queue q
        LEFT JOIN routing.categories c ON c.code = q.category_code
        LEFT JOIN routing.counties co ON co.code = q.county_code
       ORDER BY q.since, q.tracking_code
       LIMIT $1 OFFSET $2`,
      [window.limit, window.offset],
    );
    return pageOfRows(rows, window, toItem, async () => {
      const [{ total }]: { total: number }[] = await this.dataSource.query(
        'SELECT count(*)::int AS total FROM routing.manual_queue',
      );
      return total;
    });
  }
}

const toItem = (r: QueueRow): ManualQueueResponse['items'][number] => ({
  trackingCode: r.trackingCode,
  // A code routing does not know still shows, named by itself.
  category: {
    code: r.categoryCode,
    nameFa: r.categoryFa ?? r.categoryCode,
    nameEn: r.categoryEn ?? r.categoryCode,
  },
  county: { code: r.countyCode, nameFa: r.countyFa ?? r.countyCode, nameEn: r.countyEn ?? r.countyCode },
  reason: r.reason,
  since: r.since.toISOString(),
  sinceJalali: formatJalali(r.since),
});
