import { DomainError } from '../shared/domain-error';

/** The placeholders an answer template may use; filled at answer time, never stored filled (ADR 36). */
export const answerTemplatePlaceholders = [
  'citizen_name',
  'tracking_code',
  'category',
  'registered_at_jalali',
] as const;
export type AnswerTemplatePlaceholder = (typeof answerTemplatePlaceholders)[number];

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Refuses a template naming a placeholder nobody fills, so a citizen never reads «{{nmae}}». */
export function assertKnownPlaceholders(text: string, field = 'body'): void {
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!(answerTemplatePlaceholders as readonly string[]).includes(name)) {
      throw new DomainError('INVALID_VALUE', `unknown placeholder {{${name}}}`, field);
    }
  }
}

/** The template's text with each placeholder replaced by its value. */
export const fillAnswerTemplate = (
  text: string,
  values: Readonly<Record<AnswerTemplatePlaceholder, string>>,
): string =>
  text.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as AnswerTemplatePlaceholder] : whole,
  );
