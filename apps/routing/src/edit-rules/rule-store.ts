import type { RoutingRule } from '../route-by-rules/choose-agency';
import { rulesForCategory, type Sql } from '../routing-data/routing-data.queries';
import { unknownReference } from './rule.errors';
import type { RuleTerms } from './rule-terms';

export type RuleChangeKind = 'added' | 'changed' | 'removed';

const exists = async (sql: Sql, table: 'counties' | 'agencies', code: string): Promise<boolean> =>
  (await sql.query(`SELECT 1 FROM routing.${table} WHERE code = $1`, [code])).length > 0;

/**
 * The category's rules, with the category locked for the rest of the transaction: edits of one category's
 * rules take turns, so two removals cannot each leave the other's fallback as the last one.
 */
export async function lockCategoryRules(sql: Sql, categoryCode: string): Promise<RoutingRule[]> {
  const locked = await sql.query('SELECT 1 FROM routing.categories WHERE code = $1 FOR UPDATE', [
    categoryCode,
  ]);
  if (locked.length === 0) throw unknownReference('category', categoryCode);
  return rulesForCategory(sql, categoryCode);
}

/** Refuses a county or agency routing does not know (the category is checked by lockCategoryRules). */
export async function checkReferences(sql: Sql, terms: RuleTerms): Promise<void> {
  if (terms.countyCode !== null && !(await exists(sql, 'counties', terms.countyCode)))
    throw unknownReference('county', terms.countyCode);
  if (!(await exists(sql, 'agencies', terms.agencyCode))) throw unknownReference('agency', terms.agencyCode);
}

export async function categoryOfRule(sql: Sql, id: number): Promise<string | undefined> {
  const [row]: { categoryCode: string }[] = await sql.query(
    'SELECT category_code AS "categoryCode" FROM routing.rules WHERE id = $1',
    [id],
  );
  return row?.categoryCode;
}

export async function insertRule(sql: Sql, terms: RuleTerms, actorId: string): Promise<number> {
  const [{ id }]: { id: number }[] = await sql.query(
    `INSERT INTO routing.rules (category_code, county_code, agency_code, priority, changed_by, changed_at)
     VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
    [terms.categoryCode, terms.countyCode, terms.agencyCode, terms.priority, actorId],
  );
  return id;
}

export async function updateRule(sql: Sql, id: number, terms: RuleTerms, actorId: string): Promise<void> {
  await sql.query(
    `UPDATE routing.rules SET county_code = $2, agency_code = $3, priority = $4, changed_by = $5, changed_at = now()
      WHERE id = $1`,
    [id, terms.countyCode, terms.agencyCode, terms.priority, actorId],
  );
}

export async function deleteRule(sql: Sql, id: number): Promise<void> {
  await sql.query('DELETE FROM routing.rules WHERE id = $1', [id]);
}

/** Appends the change to routing.rule_changes, at the transaction's time (the rule row's changed_at). */
export async function recordRuleChange(
  sql: Sql,
  ruleId: number,
  change: RuleChangeKind,
  before: RuleTerms | null,
  after: RuleTerms | null,
  actorId: string,
): Promise<void> {
  await sql.query(
    `INSERT INTO routing.rule_changes (rule_id, change, before, after, changed_by, changed_at)
     VALUES ($1, $2, $3, $4, $5, now())`,
    [ruleId, change, before && JSON.stringify(before), after && JSON.stringify(after), actorId],
  );
}
