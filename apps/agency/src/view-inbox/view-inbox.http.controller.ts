import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { nameOf } from '@samad/reference-data';
import { formatJalali, heldStatuses, isHeldStatus, maskIdentifier } from '@samad/request-lifecycle';
import {
  CurrentPrincipal,
  Roles,
  pageOfRows,
  pageWindow,
  pagingDescription,
  type Principal,
} from '@samad/service-kit';
import { boundAgencyOf, inboxAgencyFor } from '../acting-agency/acting-agency';
import {
  InboxResponse,
  type InboxDirectiveResponse,
  type InboxItemResponse,
} from './inbox-item.response.dto';
import { ViewInboxQuery, type InboxFilter } from './view-inbox.query.dto';

interface InboxRow {
  trackingCode: string;
  status: string;
  dueAt: Date;
  routedAt: Date;
  acknowledgedAt: Date | null;
  referredTo: string | null;
  answeredAt: Date | null;
  outcome: string | null;
  answerText: string | null;
  kind: string;
  channel: string;
  collective: boolean;
  categoryCode: string;
  countyCode: string;
  description: string;
  citizenName: string | null; // null after erasure
  citizenMobile: string | null;
  citizenCount: number;
  priority: string;
  matterId: string | null;
  total: number;
}

const filterSql: Record<InboxFilter, string> = {
  open: `AND i.status IN (${heldStatuses.map((s) => `'${s}'`).join(', ')})`,
  answered: 'AND i.answered_at IS NOT NULL',
  all: '',
};

@ApiTags('agency inbox')
// Supervisors and auditors look into any agency's inbox; they cannot act on it.
@Roles('agency_staff', 'agency_system', 'agency_manager', 'supervisor', 'auditor')
@Controller('api/agency/inbox')
export class ViewInboxHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: "An agency's inbox, most critical first, then oldest due (paged, with the total)",
    description:
      'Only the requests this agency holds or answered, with only the citizen contact it needs. Agency ' +
      'staff see their own agency’s inbox (naming another agency answers 404); supervisors and auditors ' +
      'name the agency with `?agency=` and see the mobile masked to its last four digits. ' +
      pagingDescription,
  })
  @ApiOkResponse({ type: InboxResponse })
  @ApiBadRequestResponse({ description: 'Unknown agency or filter, or no agency named (Problem Details)' })
  @ApiNotFoundResponse({ description: 'Agency staff naming another agency (as if it did not exist)' })
  async view(@Query() query: ViewInboxQuery, @CurrentPrincipal() caller: Principal): Promise<InboxResponse> {
    const agency = inboxAgencyFor(caller, query.agency);
    const status = query.status ?? 'open';
    const window = pageWindow({ page: query.page, pageSize: query.pageSize ?? query.limit });
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT i.tracking_code AS "trackingCode", i.status, i.due_at AS "dueAt", i.routed_at AS "routedAt",
              i.acknowledged_at AS "acknowledgedAt", i.referred_to AS "referredTo",
              i.answered_at AS "answeredAt", i.outcome, i.answer_text AS "answerText",
              d.kind, d.channel, d.collective, d.category_code AS "categoryCode", d.county_code AS "countyCode",
              d.description, d.citizen_name AS "citizenName", d.citizen_mobile AS "citizenMobile",
              d.citizen_count AS "citizenCount", d.priority, d.matter_id AS "matterId",
              (count(*) OVER ())::int AS total
         FROM agency.inbox i
         JOIN agency.request_details d USING (tracking_code)
        WHERE i.agency_code = $1 ${filterSql[status]}
          AND ($3::text IS NULL OR i.tracking_code = $3)
        ORDER BY d.priority_rank, i.due_at, i.tracking_code
        LIMIT $2 OFFSET $4`,
      [agency, window.limit, query.trackingCode ?? null, window.offset],
    );
    const directives = await openDirectives(
      this.dataSource,
      agency,
      rows.map((r) => r.trackingCode),
    );
    const now = Date.now();
    // The agency calls its citizens; a supervisor or auditor looking in sees the mobile masked.
    const masked = boundAgencyOf(caller) === undefined;
    const page = await pageOfRows(
      rows,
      window,
      (r) => ({ ...toItem(r, now, masked), directives: directives.get(r.trackingCode) ?? [] }),
      async () => {
        const [{ total }]: { total: number }[] = await this.dataSource.query(
          `SELECT count(*)::int AS total FROM agency.inbox i JOIN agency.request_details d USING (tracking_code)
            WHERE i.agency_code = $1 ${filterSql[status]} AND ($2::text IS NULL OR i.tracking_code = $2)`,
          [agency, query.trackingCode ?? null],
        );
        return total;
      },
    );
    return { agency, status, ...page };
  }
}

interface DirectiveRow {
  trackingCode: string;
  directiveId: string;
  role: string;
  dueAt: Date;
  issuedAt: Date;
  overdueAt: Date | null;
}

/** The directives this agency has yet to report on, by request, earliest due first (ADR 37). */
const openDirectives = async (
  dataSource: DataSource,
  agency: string,
  trackingCodes: string[],
): Promise<Map<string, InboxDirectiveResponse[]>> => {
  const byRequest = new Map<string, InboxDirectiveResponse[]>();
  if (trackingCodes.length === 0) return byRequest;
  const rows: DirectiveRow[] = await dataSource.query(
    `SELECT tracking_code AS "trackingCode", directive_id AS "directiveId", role, due_at AS "dueAt",
            issued_at AS "issuedAt", overdue_at AS "overdueAt"
       FROM agency.directives
      WHERE agency_code = $1 AND tracking_code = ANY($2) AND reported_at IS NULL
      ORDER BY due_at, directive_id`,
    [agency, trackingCodes],
  );
  for (const r of rows) {
    const list = byRequest.get(r.trackingCode) ?? [];
    list.push({
      directiveId: r.directiveId,
      role: r.role,
      issuedAt: r.issuedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      dueAtJalali: formatJalali(r.dueAt),
      overdue: r.overdueAt !== null,
    });
    byRequest.set(r.trackingCode, list);
  }
  return byRequest;
};

const toItem = (r: InboxRow, now: number, masked: boolean): Omit<InboxItemResponse, 'directives'> => ({
  trackingCode: r.trackingCode,
  status: r.status,
  priority: r.priority,
  matterId: r.matterId,
  kind: r.kind,
  channel: r.channel,
  collective: r.collective,
  category: nameOf('category', r.categoryCode),
  county: nameOf('county', r.countyCode),
  description: r.description,
  citizen: {
    fullName: r.citizenName,
    mobile: masked && r.citizenMobile !== null ? maskIdentifier(r.citizenMobile) : r.citizenMobile,
  },
  citizenCount: r.citizenCount,
  dueAt: r.dueAt.toISOString(),
  dueAtJalali: formatJalali(r.dueAt),
  overdue: isHeldStatus(r.status) && r.dueAt.getTime() < now,
  routedAt: r.routedAt.toISOString(),
  ...(r.acknowledgedAt && { acknowledgedAt: r.acknowledgedAt.toISOString() }),
  ...(r.referredTo && { referredTo: r.referredTo }),
  ...(r.answeredAt && {
    answer: {
      outcome: r.outcome ?? '',
      text: r.answerText ?? '',
      answeredAt: r.answeredAt.toISOString(),
      answeredAtJalali: formatJalali(r.answeredAt),
    },
  }),
});
