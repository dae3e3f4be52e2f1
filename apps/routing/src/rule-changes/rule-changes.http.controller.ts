import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { formatJalali } from '@samad/request-lifecycle';
import { Roles, pageOfRows, pageWindow, pagingDescription } from '@samad/service-kit';
import type { RuleTerms } from '../edit-rules/rule-terms';
import type { NamedRow } from '../routing-data/routing-data.queries';
import {
  RuleChangesQuery,
  RuleChangesResponse,
  type RuleChangeResponse,
  type RuleTermsResponse,
} from './rule-changes.dto';

interface ChangeRow {
  id: string;
  ruleId: number;
  change: RuleChangeResponse['change'];
  before: RuleTerms | null;
  after: RuleTerms | null;
  changedBy: string;
  changedAt: Date;
  total: number;
}

type Names = ReadonlyMap<string, NamedRow>;

const named = (names: Names, code: string): NamedRow =>
  names.get(code) ?? { code, nameFa: code, nameEn: code };

const namesOf = async (dataSource: DataSource, table: string): Promise<Names> => {
  const rows: NamedRow[] = await dataSource.query(
    `SELECT code, name_fa AS "nameFa", name_en AS "nameEn" FROM routing.${table}`,
  );
  return new Map(rows.map((r) => [r.code, { code: r.code, nameFa: r.nameFa, nameEn: r.nameEn }]));
};

/** Who changed which routing rule, when, and its terms before and after: the append-only history. */
@ApiTags('routing rules')
@Roles('admin', 'auditor', 'supervisor')
@Controller('api/routing/rules/changes')
export class RuleChangesHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Changes to the routing rules, newest first (paged, with the total)',
    description: pagingDescription,
  })
  @ApiOkResponse({ type: RuleChangesResponse })
  @ApiBadRequestResponse({ description: 'A bad page, pageSize or ruleId (Problem Details naming it)' })
  async list(@Query() query: RuleChangesQuery): Promise<RuleChangesResponse> {
    const window = pageWindow(query);
    const ruleId = query.ruleId ?? null;
    const rows: ChangeRow[] = await this.dataSource.query(
      `SELECT (count(*) OVER ())::int AS total, id, rule_id AS "ruleId", change, before, after,
              changed_by AS "changedBy", changed_at AS "changedAt"
         FROM routing.rule_changes
        WHERE $3::int IS NULL OR rule_id = $3
        ORDER BY changed_at DESC, id DESC
        LIMIT $1 OFFSET $2`,
      [window.limit, window.offset, ruleId],
    );
    // Three small reference tables, read once per page: the history keeps codes, the screen shows names.
    const [categories, counties, agencies] = await Promise.all(
      ['categories', 'counties', 'agencies'].map((table) => namesOf(this.dataSource, table)),
    );
    const terms = (t: RuleTerms | null): RuleTermsResponse | null =>
      t && {
        category: named(categories, t.categoryCode),
        county: t.countyCode === null ? null : named(counties, t.countyCode),
        agency: named(agencies, t.agencyCode),
        priority: t.priority,
      };
    return pageOfRows(
      rows,
      window,
      (r): RuleChangeResponse => ({
        id: Number(r.id),
        ruleId: r.ruleId,
        change: r.change,
        before: terms(r.before),
        after: terms(r.after),
        changedBy: r.changedBy,
        changedAt: r.changedAt.toISOString(),
        changedAtJalali: formatJalali(r.changedAt),
      }),
      async () => {
        const [{ total }]: { total: number }[] = await this.dataSource.query(
          'SELECT count(*)::int AS total FROM routing.rule_changes WHERE $1::int IS NULL OR rule_id = $1',
          [ruleId],
        );
        return total;
      },
    );
  }
}
