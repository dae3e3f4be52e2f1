import type { FormInstance } from 'antd';
import { fieldErrors } from './api';
import type { Lang } from './i18n';

/**
 * Puts a failed call's Problem Details field errors beside the form's own fields; codes that are about one
 * field (HOLIDAY_ALREADY_DECLARED is about the date) go beside that field too. True when any was shown.
 */
export function showFieldProblems(
  form: FormInstance,
  error: unknown,
  lang: Lang,
  fields: string[],
  codeFields: Record<string, { field: string; message: string }> = {},
): boolean {
  const byField = Object.entries(fieldErrors(error, lang)).filter(([field]) => fields.includes(field));
  const code = (error as { problem?: { code?: string } }).problem?.code;
  const forCode = code ? codeFields[code] : undefined;
  if (forCode) byField.push([forCode.field, [forCode.message]]);
  form.setFields(byField.map(([name, errors]) => ({ name, errors })));
  return byField.length > 0;
}
