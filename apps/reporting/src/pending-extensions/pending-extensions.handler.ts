import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPEN } from '@samad/reporting-read-model';
import { pageOfRows, pageWindow, type Page } from '@samad/service-kit';
import {
  toPendingExtension,
  type PendingExtension,
  type PendingExtensionRecord,
} from './pending-extensions.report';

export interface PendingExtensionsQuery {
  agency?: string;
  page: number;
  pageSize: number;
}

// An answered or closed request keeps no extension worth deciding.
const PENDING_WHERE = `
   WHERE extension_id IS NOT NULL AND ${OPEN}
     AND ($1::text IS NULL OR agency_code = $1::text)`;
const PENDING_SQL = `
  SELECT tracking_code, agency_code, county_code, category_code, status, due_at, extension_id,
         extension_proposed_due_at, extension_requested_at, (count(*) OVER ())::int AS total
    FROM reporting.requests ${PENDING_WHERE}
   ORDER BY extension_requested_at, tracking_code
   LIMIT $2 OFFSET $3`;

/** Extensions waiting for a supervisor, the longest waiting first. */
@Injectable()
export class PendingExtensionsHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(query: PendingExtensionsQuery): Promise<Page<PendingExtension>> {
    const window = pageWindow(query);
    const filters = [query.agency ?? null];
    const rows: (PendingExtensionRecord & { total: number })[] = await this.dataSource.query(PENDING_SQL, [
      ...filters,
      window.limit,
      window.offset,
    ]);
    return pageOfRows(rows, window, toPendingExtension, async () => {
      const [{ total }]: { total: number }[] = await this.dataSource.query(
        `SELECT count(*)::int AS total FROM reporting.requests ${PENDING_WHERE}`,
        filters,
      );
      return total;
    });
  }
}
