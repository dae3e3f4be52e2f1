import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

export interface AnswerTemplateRow {
  template_id: string;
  agency_code: string;
  version: number;
  title: string;
  body: string;
  updated_at: Date;
}

/** A template of this agency (another agency's reads as missing). */
export async function findTemplate(
  sql: Sql,
  agencyCode: string,
  templateId: string,
): Promise<AnswerTemplateRow | undefined> {
  const [row]: AnswerTemplateRow[] = await sql.query(
    `SELECT template_id, agency_code, version, title, body, updated_at FROM agency.answer_templates
      WHERE template_id = $1 AND agency_code = $2 AND NOT deleted`,
    [templateId, agencyCode],
  );
  return row;
}

export const listTemplates = (sql: Sql, agencyCode: string): Promise<AnswerTemplateRow[]> =>
  sql.query(
    `SELECT template_id, agency_code, version, title, body, updated_at FROM agency.answer_templates
      WHERE agency_code = $1 AND NOT deleted ORDER BY title, template_id`,
    [agencyCode],
  );
