import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { formatJalali } from '@samad/request-lifecycle';
import { OPEN } from '@samad/reporting-read-model';
import { toEscalatedRequest, type EscalatedRequest, type EscalationRecord } from './escalations.report';

export interface EscalationsQuery {
  agency?: string;
  county?: string;
  level?: number;
  /** Only those still owed an answer. */
  openOnly: boolean;
  limit: number;
  now: Date;
}

export interface Escalations {
  asOf: string;
  asOfJalali: string;
  total: number;
  requests: EscalatedRequest[];
}

const ESCALATIONS_SQL = `
  SELECT tracking_code, agency_code, county_code, category_code, status, due_at, deadline_missed_at,
         escalation_level, escalated_at, (count(*) OVER ())::int AS total
    FROM reporting.requests
   WHERE escalation_level > 0
     AND ($1::text IS NULL OR agency_code = $1::text)
     AND ($2::text IS NULL OR county_code = $2::text)
     AND ($3::int IS NULL OR escalation_level = $3::int)
     AND (NOT $4::boolean OR ${OPEN})
   ORDER BY escalation_level DESC, escalated_at, tracking_code
   LIMIT $5`;

@Injectable()
export class EscalationsHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(query: EscalationsQuery): Promise<Escalations> {
    const rows: (EscalationRecord & { total: number })[] = await this.dataSource.query(ESCALATIONS_SQL, [
      query.agency ?? null,
      query.county ?? null,
      query.level ?? null,
      query.openOnly,
      query.limit,
    ]);
    return {
      asOf: query.now.toISOString(),
      asOfJalali: formatJalali(query.now),
      total: rows[0]?.total ?? 0,
      requests: rows.map(toEscalatedRequest),
    };
  }
}
