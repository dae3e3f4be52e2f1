import type { PossibleDuplicateRow } from '../read-model/request-index.projection';
import type { EntityManager } from 'typeorm';

/** A request index row, as a possible duplicate names it, and how alike its description is. */
export interface SimilarRequestRow extends PossibleDuplicateRow {
  similarity: number;
}

/**
 * Open requests of other citizens in the same category and county, registered within `windowDays` of this
 * one, whose normalised descriptions are at least `threshold` similar (pg_trgm). None when this request's
 * description is not there (erased, or not projected yet).
 */
export async function findSimilarRequests(
  manager: Pick<EntityManager, 'query'>,
  trackingCode: string,
  windowDays: number,
  threshold: number,
): Promise<SimilarRequestRow[]> {
  const rows = (await manager.query(
    `SELECT o.tracking_code, o.category_code, o.county_code, r.status, o.registered_at,
            similarity(o.description, d.description)::float8 AS similarity
       FROM intake.request_descriptions d
       JOIN intake.request_descriptions o
         ON o.category_code = d.category_code AND o.county_code = d.county_code
        AND o.tracking_code <> d.tracking_code
        AND o.registered_at BETWEEN d.registered_at - $2 * interval '1 day' AND d.registered_at + $2 * interval '1 day'
       JOIN intake.request_index r ON r.tracking_code = o.tracking_code
      WHERE d.tracking_code = $1
        AND r.status NOT IN ('answered', 'closed')
        AND similarity(o.description, d.description) >= $3
        -- Different citizens: the same citizen's second request is a duplicate, not a collective matter.
        AND NOT EXISTS (
          SELECT 1 FROM intake.request_citizens a JOIN intake.request_citizens b
            ON a.national_code_digest = b.national_code_digest OR a.mobile_digest = b.mobile_digest
           WHERE a.tracking_code = d.tracking_code AND b.tracking_code = o.tracking_code)
      ORDER BY similarity DESC, o.registered_at, o.tracking_code
      LIMIT 20`,
    [trackingCode, windowDays, threshold],
  )) as SimilarRequestRow[];
  return rows.map((row) => ({ ...row, similarity: Number(row.similarity) }));
}
