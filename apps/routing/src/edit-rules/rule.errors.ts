import { ClientProblem } from '@samad/service-kit';

type Reference = 'category' | 'county' | 'agency';

const whereToLook: Record<Reference, string> = {
  category: 'GET /api/catalog',
  county: 'GET /api/catalog',
  agency: 'GET /api/routing/agencies',
};

/** The body names a category, county or agency routing does not know (400, beside the field). */
export const unknownReference = (kind: Reference, code: string): ClientProblem =>
  new ClientProblem(
    `UNKNOWN_${kind.toUpperCase()}`,
    `unknown ${kind} code ${code} (see ${whereToLook[kind]})`,
    { field: `${kind}Code` },
  );

export const ruleNotFound = (id: number): ClientProblem =>
  new ClientProblem('RULE_NOT_FOUND', `no routing rule ${id}`);

/** The category already sends that county (or, as its fallback, every county) to that agency. */
export const ruleAlreadyExists = (existingId: number): ClientProblem =>
  new ClientProblem(
    'RULE_ALREADY_EXISTS',
    'this category already has a rule for this county and agency: change its priority instead',
    { field: 'agencyCode', detail: `rule ${existingId} already says it` },
  );

/** Without a county-independent rule, requests from a county with no rule of its own wait for a supervisor. */
export const lastFallbackRule = (categoryCode: string): ClientProblem =>
  new ClientProblem('LAST_FALLBACK_RULE', `the last county-independent rule of ${categoryCode}`, {
    detail:
      `بدون آن، درخواست‌های «${categoryCode}» از شهرستانی که قاعده‌ی خود را ندارد به صف ارجاع دستی می‌رود ` +
      'و سرپرست باید یکایک را ارجاع دهد؛ نخست قاعده‌ی همه‌ی شهرستان‌های دیگری بیفزایید ' +
      `(without it, ${categoryCode} requests from a county with no rule of its own fall to the manual ` +
      'routing queue for a supervisor to route one by one; add another county-independent rule first)',
  });
