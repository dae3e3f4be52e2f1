import type { DataSource, EntityManager } from 'typeorm';
import {
  evolveArticle,
  initialArticleState,
  searchableText,
  searchTerms,
  type ArticleState,
  type KnowledgeArticleVersionWritten,
} from '@samad/request-lifecycle';

type Sql = Pick<EntityManager, 'query'>;

export interface ArticleRow {
  article_id: string;
  version: number;
  category_code: string;
  title_fa: string;
  title_en: string | null;
  body: string;
  status: 'draft' | 'published';
  updated_at: Date;
  rank?: number;
}

/** An article's stream, folded into its state (the version an edit must be based on). */
export async function loadArticle(sql: Sql, articleId: string): Promise<ArticleState> {
  const rows: { data: KnowledgeArticleVersionWritten['data'] }[] = await sql.query(
    `SELECT data FROM intake.knowledge_events WHERE article_id = $1 ORDER BY version`,
    [articleId],
  );
  return rows.reduce(
    (state, { data }) => evolveArticle(state, { type: 'KnowledgeArticleVersionWritten', data }),
    initialArticleState,
  );
}

export async function articleVersions(
  sql: Sql,
  articleId: string,
): Promise<KnowledgeArticleVersionWritten['data'][]> {
  const rows: { data: KnowledgeArticleVersionWritten['data'] }[] = await sql.query(
    `SELECT data FROM intake.knowledge_events WHERE article_id = $1 ORDER BY version`,
    [articleId],
  );
  return rows.map((r) => r.data);
}

/**
 * Appends the version and projects it, in one transaction. The primary key (article, version) refuses a
 * concurrent edit of the same base version, so two editors never both become version n+1.
 */
export async function appendArticleVersion(
  dataSource: DataSource,
  event: KnowledgeArticleVersionWritten,
): Promise<void> {
  const { data } = event;
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO intake.knowledge_events (article_id, version, type, data, actor_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [data.articleId, data.version, event.type, JSON.stringify(data), data.writtenBy, data.at],
    );
    await manager.query(
      `INSERT INTO intake.knowledge_articles
         (article_id, version, category_code, title_fa, title_en, body, status, search_text, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (article_id) DO UPDATE SET
         version = EXCLUDED.version, category_code = EXCLUDED.category_code, title_fa = EXCLUDED.title_fa,
         title_en = EXCLUDED.title_en, body = EXCLUDED.body, status = EXCLUDED.status,
         search_text = EXCLUDED.search_text, updated_at = EXCLUDED.updated_at
       WHERE intake.knowledge_articles.version < EXCLUDED.version`,
      [
        data.articleId,
        data.version,
        data.categoryCode,
        data.titleFa,
        data.titleEn ?? null,
        data.body,
        data.status,
        // The title twice: a word in the title ranks above the same word in the body.
        searchableText(`${data.titleFa} ${data.titleFa} ${data.titleEn ?? ''} ${data.body}`),
        data.at,
      ],
    );
  });
}

export async function findArticle(sql: Sql, articleId: string): Promise<ArticleRow | undefined> {
  const [row]: ArticleRow[] = await sql.query(
    `SELECT * FROM intake.knowledge_articles WHERE article_id = $1`,
    [articleId],
  );
  return row;
}

export interface ArticleSearch {
  /** What the operator typed so far; every word must match, the last one (or each) as a prefix. */
  readonly q?: string;
  readonly categoryCode?: string;
  /** `all`: any word may match (suggestions from a description); default every word must. */
  readonly match?: 'all' | 'any';
  readonly publishedOnly: boolean;
  readonly limit: number;
  /** Rows to skip (paging). */
  readonly offset?: number;
}

// The words are folded to letters and digits only (searchTerms), so they are safe inside a tsquery.
const prefixQuery = (terms: readonly string[], match: 'all' | 'any'): string =>
  terms.map((term) => `${term}:*`).join(match === 'all' ? ' & ' : ' | ');

/** Ranked with ts_rank over the folded text; without words, the category's articles newest first. */
/** Each row also carries `total`: the matches over all pages. */
export async function searchArticles(
  sql: Sql,
  search: ArticleSearch,
): Promise<(ArticleRow & { total: number })[]> {
  const terms = searchTerms(search.q ?? '').slice(0, 20);
  const query = terms.length > 0 ? prefixQuery(terms, search.match ?? 'all') : null;
  return sql.query(
    `SELECT a.*, CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(a.search_vector, to_tsquery('simple', $1)) END AS rank,
            (count(*) OVER ())::int AS total
       FROM intake.knowledge_articles a
      WHERE ($1::text IS NULL OR a.search_vector @@ to_tsquery('simple', $1))
        AND ($2::text IS NULL OR a.category_code = $2)
        AND (NOT $3 OR a.status = 'published')
      ORDER BY rank DESC, a.updated_at DESC, a.article_id
      LIMIT $4 OFFSET $5`,
    [query, search.categoryCode ?? null, search.publishedOnly, search.limit, search.offset ?? 0],
  );
}
