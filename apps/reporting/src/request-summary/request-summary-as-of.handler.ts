import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  createRequestsTableLike,
  replayRequestStatistics,
  writeRequestStatistics,
} from '@samad/reporting-read-model';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { summaryOf } from './request-summary.handler';
import type { RequestSummary } from './request-summary.report';

const AS_OF_TABLE = 'requests_as_of';

/**
 * The summary as it stood at an instant: the store folded in memory up to that instant with the projection's
 * own rule, written into a temporary table that dies with the transaction, and summarised by the live query.
 */
@Injectable()
export class RequestSummaryAsOfHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ from, to, asOf }: { from?: Date; to?: Date; asOf: Date }): Promise<RequestSummary> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const { rows } = await replayRequestStatistics(pool, { recordedUpTo: asOf });
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`${createRequestsTableLike(AS_OF_TABLE, true)} ON COMMIT DROP`);
      await writeRequestStatistics(runner, `pg_temp.${AS_OF_TABLE}`, [...rows.values()]);
      // Overdue is judged at the as-of instant, as the live summary judges it at its own now.
      return await summaryOf(runner, `pg_temp.${AS_OF_TABLE}`, { from, to, now: asOf });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}
