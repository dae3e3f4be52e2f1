import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { InputValidationError, Roles } from '@samad/service-kit';
import {
  ListPersonalDataViewsQuery,
  PersonalDataViewsPageResponse,
  type PersonalDataViewResponse,
} from './list-personal-data-views.dto';
import { PersonalDataViewsReadModel } from './personal-data-views.read-model';

interface ViewRow {
  stream_revision: string;
  event_id: string;
  tracking_code: string;
  viewer: string;
  viewer_role: string;
  viewer_agency: string | null;
  viewed_at: Date;
  reason: string;
  fields: string[];
  total: number;
}

const toView = (r: ViewRow): PersonalDataViewResponse => ({
  viewId: r.event_id,
  trackingCode: r.tracking_code,
  viewer: r.viewer,
  role: r.viewer_role,
  ...(r.viewer_agency !== null && { agencyCode: r.viewer_agency }),
  viewedAt: r.viewed_at.toISOString(),
  reason: r.reason,
  fields: r.fields,
  revision: r.stream_revision,
});

/** `[from, to)` as dates, refusing an empty or reversed window. */
export function viewWindow(from?: string, to?: string): { from: Date | null; to: Date | null } {
  const window = {
    from: from === undefined ? null : new Date(from),
    to: to === undefined ? null : new Date(to),
  };
  if (window.from && window.to && window.from.getTime() >= window.to.getTime()) {
    throw new InputValidationError([{ field: 'to', message: 'to must be after from' }]);
  }
  return window;
}

@ApiTags('audit')
@Roles('auditor')
@Controller('api/audit')
export class ListPersonalDataViewsHttpController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: PersonalDataViewsReadModel,
  ) {}

  @Get('personal-data-views')
  @ApiOperation({
    summary: 'Who saw whose personal data in clear, when and why (newest first, paged)',
    description:
      'The PersonalDataViewed facts of the access-audit stream in the event store: reveals by supervisors and ' +
      'auditors, and contact fetched through the agency API. They name the fields seen, never their values.',
  })
  @ApiOkResponse({ type: PersonalDataViewsPageResponse })
  @ApiBadRequestResponse({ description: 'A bad filter (Problem Details naming it)' })
  async list(@Query() query: ListPersonalDataViewsQuery): Promise<PersonalDataViewsPageResponse> {
    const { from, to } = viewWindow(query.from, query.to);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    await this.views.catchUp();
    const rows: ViewRow[] = await this.dataSource.query(
      `SELECT stream_revision::text, event_id, tracking_code, viewer, viewer_role, viewer_agency, viewed_at,
              reason, fields, (count(*) OVER ())::int AS total
         FROM reporting.personal_data_views
        WHERE ($1::text IS NULL OR tracking_code = $1)
          AND ($2::text IS NULL OR viewer = $2)
          AND ($3::timestamptz IS NULL OR viewed_at >= $3)
          AND ($4::timestamptz IS NULL OR viewed_at < $4)
        ORDER BY viewed_at DESC, stream_revision DESC
        LIMIT $5 OFFSET $6`,
      [query.trackingCode ?? null, query.viewer ?? null, from, to, pageSize, (page - 1) * pageSize],
    );
    const total = rows[0]?.total ?? (page === 1 ? 0 : await this.count(query, from, to));
    return { items: rows.map(toView), total, page, pageSize };
  }

  // A page past the end has no row to carry the total.
  private async count(
    query: ListPersonalDataViewsQuery,
    from: Date | null,
    to: Date | null,
  ): Promise<number> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM reporting.personal_data_views
        WHERE ($1::text IS NULL OR tracking_code = $1) AND ($2::text IS NULL OR viewer = $2)
          AND ($3::timestamptz IS NULL OR viewed_at >= $3) AND ($4::timestamptz IS NULL OR viewed_at < $4)`,
      [query.trackingCode ?? null, query.viewer ?? null, from, to],
    );
    return total;
  }
}
