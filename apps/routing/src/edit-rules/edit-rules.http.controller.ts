import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentActor, InputValidationError, Roles, type ActorIdentity } from '@samad/service-kit';
import { RoutingRuleResponse } from '../list-rules/routing-rule.response.dto';
import { readRules } from '../list-rules/rule-view';
import type { Sql } from '../routing-data/routing-data.queries';
import { AddRuleRequest, ChangeRuleRequest } from './rule-edit.dto';
import { lastFallbackRule, ruleAlreadyExists, ruleNotFound } from './rule.errors';
import {
  categoryOfRule,
  checkReferences,
  deleteRule,
  insertRule,
  lockCategoryRules,
  recordRuleChange,
  updateRule,
} from './rule-store';
import {
  clashingRule,
  sameTerms,
  takesLastFallback,
  termsOf,
  withChange,
  type RuleTerms,
} from './rule-terms';

const code = (text: string): string => text.trim().toUpperCase();

// An id that is not a positive whole number names no rule: refused as bad input, naming the parameter.
const ruleId = (text: string): number => {
  const id = Number(text);
  if (!/^\d{1,9}$/.test(text) || id < 1)
    throw new InputValidationError([{ field: 'id', message: 'id must be a positive whole number' }]);
  return id;
};

const APPLIES =
  'Applies to requests routed from then on (routing reads the rules afresh for each request); requests ' +
  'already routed keep their agency. Recorded with who and when on the rule and in GET /api/routing/rules/changes.';

/** Administrators add, change and remove routing rules; every change is kept in routing.rule_changes. */
@ApiTags('routing rules')
@Roles('admin')
@Controller('api/routing/rules')
export class EditRulesHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @ApiOperation({
    summary: 'Add a routing rule (category × county, or the fallback, → agency)',
    description: APPLIES,
  })
  @ApiCreatedResponse({ type: RoutingRuleResponse })
  @ApiBadRequestResponse({
    description:
      'Bad input (INVALID_INPUT), or UNKNOWN_CATEGORY / UNKNOWN_COUNTY / UNKNOWN_AGENCY naming the field',
  })
  @ApiConflictResponse({ description: 'RULE_ALREADY_EXISTS: the same category, county and agency' })
  async add(
    @Body() body: AddRuleRequest,
    @CurrentActor() actor: ActorIdentity,
  ): Promise<RoutingRuleResponse> {
    const terms: RuleTerms = {
      categoryCode: code(body.categoryCode),
      countyCode: body.countyCode == null ? null : code(body.countyCode),
      agencyCode: code(body.agencyCode),
      priority: body.priority,
    };
    return this.dataSource.transaction(async (sql) => {
      const rules = await lockCategoryRules(sql, terms.categoryCode);
      await checkReferences(sql, terms);
      const clash = clashingRule(rules, terms);
      if (clash) throw ruleAlreadyExists(clash.id);
      const id = await insertRule(sql, terms, actor.id);
      await recordRuleChange(sql, id, 'added', null, terms, actor.id);
      return this.one(sql, id);
    });
  }

  @Put(':id')
  @ApiOperation({ summary: "Change a rule's agency, priority or county", description: APPLIES })
  @ApiOkResponse({ type: RoutingRuleResponse })
  @ApiBadRequestResponse({ description: 'Bad input (INVALID_INPUT), or UNKNOWN_COUNTY / UNKNOWN_AGENCY' })
  @ApiNotFoundResponse({ description: 'RULE_NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'RULE_ALREADY_EXISTS (another rule says the same), or LAST_FALLBACK_RULE (moving the last county-independent rule to a county)',
  })
  async change(
    @Param('id') idText: string,
    @Body() body: ChangeRuleRequest,
    @CurrentActor() actor: ActorIdentity,
  ): Promise<RoutingRuleResponse> {
    const id = ruleId(idText);
    if (body.agencyCode === undefined && body.priority === undefined && body.countyCode === undefined)
      throw new InputValidationError([
        { field: 'agencyCode', message: 'give agencyCode, priority or countyCode' },
      ]);
    return this.dataSource.transaction(async (sql) => {
      const rule = await this.lockRule(sql, id);
      const before = termsOf(rule.self);
      const after = withChange(before, {
        countyCode: body.countyCode === undefined ? undefined : body.countyCode && code(body.countyCode),
        agencyCode: body.agencyCode && code(body.agencyCode),
        priority: body.priority,
      });
      // The same terms again: nothing changes and nothing is recorded.
      if (sameTerms(before, after)) return this.one(sql, id);
      await checkReferences(sql, after);
      const clash = clashingRule(rule.ofCategory, after, id);
      if (clash) throw ruleAlreadyExists(clash.id);
      if (takesLastFallback(rule.ofCategory, id, after)) throw lastFallbackRule(before.categoryCode);
      await updateRule(sql, id, after, actor.id);
      await recordRuleChange(sql, id, 'changed', before, after, actor.id);
      return this.one(sql, id);
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a routing rule',
    description: `${APPLIES} The category's last county-independent rule is refused (LAST_FALLBACK_RULE): without it, a request from a county with no rule of its own falls to the manual routing queue.`,
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'RULE_NOT_FOUND' })
  @ApiConflictResponse({ description: "LAST_FALLBACK_RULE: the category's last county-independent rule" })
  async remove(@Param('id') idText: string, @CurrentActor() actor: ActorIdentity): Promise<void> {
    const id = ruleId(idText);
    await this.dataSource.transaction(async (sql) => {
      const rule = await this.lockRule(sql, id);
      if (takesLastFallback(rule.ofCategory, id)) throw lastFallbackRule(rule.self.categoryCode);
      await deleteRule(sql, id);
      await recordRuleChange(sql, id, 'removed', termsOf(rule.self), null, actor.id);
    });
  }

  /** The rule and its category's rules, the category locked; gone meanwhile is gone. */
  private async lockRule(sql: Sql, id: number) {
    const categoryCode = await categoryOfRule(sql, id);
    if (categoryCode === undefined) throw ruleNotFound(id);
    const ofCategory = await lockCategoryRules(sql, categoryCode);
    const self = ofCategory.find((r) => r.id === id);
    if (!self) throw ruleNotFound(id);
    return { self, ofCategory };
  }

  private async one(sql: Sql, id: number): Promise<RoutingRuleResponse> {
    const [rule] = await readRules(sql, id);
    return rule;
  }
}
