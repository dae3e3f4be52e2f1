import { categories, countyRules } from '@samad/reference-data';
import { AccessDeniedError, type Principal } from '@samad/service-kit';
import { KnowledgeError } from './knowledge.errors';

/** Categories routed to an agency in some county: by default, or by a county rule. */
export const categoriesRoutedTo = (agencyCode: string): ReadonlySet<string> =>
  new Set([
    ...categories.filter((c) => c.defaultAgency === agencyCode).map((c) => c.code),
    ...countyRules.filter((r) => r.agencyCode === agencyCode).map((r) => r.categoryCode),
  ]);

/** An administrator writes for every category; an agency editor only for its agency's (ADR 36). */
export function assertMayWrite(principal: Principal, categoryCode: string): void {
  if (principal.role === 'admin') return;
  if (principal.role !== 'agency_editor' || !principal.agencyCode) {
    throw new AccessDeniedError('only administrators and agency editors write articles');
  }
  if (!categoriesRoutedTo(principal.agencyCode).has(categoryCode)) {
    throw new KnowledgeError(
      'CATEGORY_NOT_ROUTED_TO_AGENCY',
      `category ${categoryCode} is not routed to ${principal.agencyCode}`,
    );
  }
}
