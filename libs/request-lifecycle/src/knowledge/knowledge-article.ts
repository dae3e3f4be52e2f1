import { DomainError } from '../shared/domain-error';
import { optionalText, requiredCode, requiredText, isoDate } from '../request/decisions/decision-guards';

// The knowledge base's own streams (ADR 36): one stream per article, one event per version written.

export const articleStatuses = ['draft', 'published'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export interface ArticleContent {
  readonly categoryCode: string;
  readonly titleFa: string;
  readonly titleEn?: string;
  /** How the service works, the documents needed, the law that applies, where to go: Persian text. */
  readonly body: string;
  readonly status: ArticleStatus;
}

export interface KnowledgeArticleVersionWritten {
  readonly type: 'KnowledgeArticleVersionWritten';
  readonly data: ArticleContent & {
    readonly articleId: string;
    readonly version: number;
    readonly writtenBy: string;
    readonly at: string;
  };
}

export interface WriteArticleVersion {
  readonly articleId: string;
  /** The version the editor edited (0 for a new article): a stale edit is refused, never silently lost. */
  readonly baseVersion: number;
  readonly content: {
    categoryCode?: string;
    titleFa?: string;
    titleEn?: string;
    body?: string;
    status?: string;
  };
  readonly writtenBy: string;
  readonly now: Date;
}

export interface ArticleState {
  readonly version: number;
  readonly content?: ArticleContent;
}

export const initialArticleState: ArticleState = { version: 0 };

export const evolveArticle = (_state: ArticleState, event: KnowledgeArticleVersionWritten): ArticleState => {
  const { articleId: _id, version, writtenBy: _by, at: _at, ...content } = event.data;
  return { version, content };
};

const sameContent = (a: ArticleContent, b: ArticleContent): boolean =>
  a.categoryCode === b.categoryCode &&
  a.titleFa === b.titleFa &&
  a.titleEn === b.titleEn &&
  a.body === b.body &&
  a.status === b.status;

/** Validates an edit and returns the new version's event; [] when it changes nothing. */
export const writeArticleVersion = (
  command: WriteArticleVersion,
  state: ArticleState,
): KnowledgeArticleVersionWritten[] => {
  const { content } = command;
  const status = content.status ?? 'draft';
  if (!(articleStatuses as readonly string[]).includes(status)) {
    throw new DomainError('INVALID_VALUE', `must be one of ${articleStatuses.join(', ')}`, 'status');
  }
  const titleEn = optionalText(content.titleEn, false, 'titleEn');
  const next: ArticleContent = {
    categoryCode: requiredCode(content.categoryCode, 'categoryCode'),
    titleFa: requiredText(content.titleFa, 'titleFa', false),
    ...(titleEn !== undefined && { titleEn }),
    body: requiredText(content.body, 'body'),
    status: status as ArticleStatus,
  };
  const at = isoDate(command.now, 'now');
  if (command.baseVersion !== state.version) {
    throw new DomainError(
      'ARTICLE_VERSION_CONFLICT',
      `the article is at version ${state.version}, the edit was made on version ${command.baseVersion}`,
      'baseVersion',
    );
  }
  if (state.content && sameContent(state.content, next)) return [];
  return [
    {
      type: 'KnowledgeArticleVersionWritten',
      data: {
        articleId: command.articleId,
        version: state.version + 1,
        writtenBy: command.writtenBy,
        at,
        ...next,
      },
    },
  ];
};
