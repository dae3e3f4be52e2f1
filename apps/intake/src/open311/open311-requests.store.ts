import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Open311RequestRow {
  tracking_code: string;
  client_id: string;
  token: string;
  service_code: string;
  lat: string | null;
  long: string | null;
  requested_at: Date;
}

export interface RequestQuery {
  ids?: readonly string[];
  serviceCodes?: readonly string[];
  from: Date;
  to: Date;
  status?: 'open' | 'closed';
  limit: number;
  offset: number;
}

const COLUMNS = `o.tracking_code, o.client_id, o.token, o.service_code, o.lat::text AS lat, o.long::text AS long,
                 o.requested_at`;

// Samad statuses the spec calls closed; the index lags the store a little, so a row not yet indexed is open.
const CLOSED = `('answered', 'closed')`;

/** What Open311 keeps about the requests filed through it: which client, the token, the place rounded. */
@Injectable()
export class Open311RequestsStore {
  constructor(private readonly dataSource: DataSource) {}

  async record(row: Omit<Open311RequestRow, 'token' | 'lat' | 'long'> & { lat?: number; long?: number }) {
    const token = randomUUID();
    await this.dataSource.query(
      `INSERT INTO intake.open311_requests (tracking_code, client_id, token, service_code, lat, long, requested_at)
       VALUES ($1, $2, $3, $4, round($5::numeric, 3), round($6::numeric, 3), $7)`,
      [
        row.tracking_code,
        row.client_id,
        token,
        row.service_code,
        row.lat ?? null,
        row.long ?? null,
        row.requested_at,
      ],
    );
    return token;
  }

  async byCode(trackingCode: string): Promise<Open311RequestRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.open311_requests o WHERE o.tracking_code = $1`,
      [trackingCode],
    )) as Open311RequestRow[];
    return row;
  }

  async byToken(token: string): Promise<Open311RequestRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.open311_requests o WHERE o.token::text = $1`,
      [token],
    )) as Open311RequestRow[];
    return row;
  }

  /** Newest first. With ids, the dates are not applied (the spec: ids override the other filters). */
  async find(query: RequestQuery): Promise<Open311RequestRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (query.ids) where.push(`o.tracking_code = ANY(${param(query.ids)}::text[])`);
    else where.push(`o.requested_at >= ${param(query.from)}`, `o.requested_at <= ${param(query.to)}`);
    if (query.serviceCodes) where.push(`o.service_code = ANY(${param(query.serviceCodes)}::text[])`);
    if (query.status === 'closed') where.push(`r.status IN ${CLOSED}`);
    if (query.status === 'open') where.push(`(r.status IS NULL OR r.status NOT IN ${CLOSED})`);
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.open311_requests o
         LEFT JOIN intake.request_index r ON r.tracking_code = o.tracking_code
        WHERE ${where.join(' AND ')}
        ORDER BY o.requested_at DESC, o.tracking_code
        LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
      params,
    )) as Open311RequestRow[];
  }

  /** Requests that may have changed between the dates: filed before the end, last touched after the start. */
  async touchedBetween(from: Date, to: Date, limit: number): Promise<Open311RequestRow[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.open311_requests o
         LEFT JOIN intake.request_index r ON r.tracking_code = o.tracking_code
        WHERE o.requested_at <= $2 AND COALESCE(r.updated_at, o.requested_at) >= $1
        ORDER BY o.requested_at, o.tracking_code LIMIT $3`,
      [from, to, limit],
    )) as Open311RequestRow[];
  }
}
