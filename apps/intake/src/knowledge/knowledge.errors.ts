/** A knowledge-base refusal with a stable code (problem-catalog.ts maps it to its status). */
export class KnowledgeError extends Error {
  constructor(
    readonly code:
      | 'ARTICLE_NOT_FOUND'
      | 'ARTICLE_NOT_PUBLISHED'
      | 'ARTICLE_CATEGORY_MISMATCH'
      | 'CATEGORY_NOT_ROUTED_TO_AGENCY',
    message: string,
  ) {
    super(message);
  }
}
