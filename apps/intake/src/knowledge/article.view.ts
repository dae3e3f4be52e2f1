import { nameOf } from '@samad/reference-data';
import { formatJalali } from '@samad/request-lifecycle';
import type { ArticleDto } from './knowledge.dto';
import type { ArticleRow } from './knowledge.store';

export const articleDto = (row: ArticleRow): ArticleDto => ({
  articleId: row.article_id,
  version: row.version,
  categoryCode: row.category_code,
  categoryFa: nameOf('category', row.category_code).nameFa,
  titleFa: row.title_fa,
  ...(row.title_en !== null && { titleEn: row.title_en }),
  body: row.body,
  status: row.status,
  updatedAt: row.updated_at.toISOString(),
  updatedAtJalali: formatJalali(row.updated_at),
  ...(row.rank !== undefined && { rank: Number(row.rank) }),
});
