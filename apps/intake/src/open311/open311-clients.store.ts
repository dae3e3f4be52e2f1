import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Open311Error } from './open311-format';

export interface Open311Client {
  readonly id: string;
  readonly name: string;
  readonly ratePerMinute: number;
  readonly burst: number;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

interface ClientRow {
  id: string;
  name: string;
  rate_per_minute: number;
  burst: number;
  created_at: Date;
  revoked_at: Date | null;
}

const sha256 = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

const clientOf = (row: ClientRow): Open311Client => ({
  id: row.id,
  name: row.name,
  ratePerMinute: row.rate_per_minute,
  burst: row.burst,
  createdAt: row.created_at.toISOString(),
  ...(row.revoked_at && { revokedAt: row.revoked_at.toISOString() }),
});

/**
 * The Open311 clients and their API keys. Only a key's SHA-256 is kept (the key is 32 random bytes, so a
 * plain hash cannot be brute-forced); the key is shown once when issued. Each client has a token bucket
 * in PostgreSQL, refilled by elapsed time and taken from in one UPDATE, so every replica spends from the
 * same bucket (ADR 0032).
 */
@Injectable()
export class Open311ClientsStore {
  constructor(private readonly dataSource: DataSource) {}

  async issue(
    name: string,
    ratePerMinute: number,
    burst: number,
    createdBy: string,
  ): Promise<{ client: Open311Client; apiKey: string }> {
    const apiKey = `o311_${randomBytes(32).toString('base64url')}`;
    const [row] = (await this.dataSource.query(
      `INSERT INTO intake.open311_clients (id, name, key_sha256, rate_per_minute, burst, tokens, created_by)
       VALUES ($1, $2, $3, $4, $5::int, $5::double precision, $6)
       RETURNING id, name, rate_per_minute, burst, created_at, revoked_at`,
      [randomUUID(), name, sha256(apiKey), ratePerMinute, burst, createdBy],
    )) as ClientRow[];
    return { client: clientOf(row), apiKey };
  }

  async list(): Promise<Open311Client[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, name, rate_per_minute, burst, created_at, revoked_at FROM intake.open311_clients
        ORDER BY created_at, id`,
    )) as ClientRow[];
    return rows.map(clientOf);
  }

  /** True when the client existed and was not yet revoked. */
  async revoke(id: string): Promise<boolean> {
    // TypeORM answers an UPDATE … RETURNING as [rows, count].
    const [rows] = (await this.dataSource.query(
      `UPDATE intake.open311_clients SET revoked_at = now()
        WHERE id::text = $1 AND revoked_at IS NULL RETURNING id`,
      [id],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** The client holding this key, with one token spent: 403 for an unknown or revoked key, 429 when empty. */
  async admit(apiKey: unknown): Promise<Open311Client> {
    if (typeof apiKey !== 'string' || apiKey.length === 0 || apiKey.length > 200) {
      throw new Open311Error(403, 'api_key missing or invalid');
    }
    const refill = `LEAST(burst, tokens + EXTRACT(EPOCH FROM clock_timestamp() - refilled_at) * rate_per_minute / 60.0)`;
    const [[spent]] = (await this.dataSource.query(
      `UPDATE intake.open311_clients
          SET tokens = ${refill} - 1, refilled_at = clock_timestamp()
        WHERE key_sha256 = $1 AND revoked_at IS NULL AND ${refill} >= 1
        RETURNING id, name, rate_per_minute, burst, created_at, revoked_at`,
      [sha256(apiKey)],
    )) as [ClientRow[], number];
    if (spent) return clientOf(spent);
    const [known] = (await this.dataSource.query(
      `SELECT rate_per_minute FROM intake.open311_clients WHERE key_sha256 = $1 AND revoked_at IS NULL`,
      [sha256(apiKey)],
    )) as { rate_per_minute: number }[];
    if (!known) throw new Open311Error(403, 'api_key missing or invalid');
    const retryAfter = Math.max(1, Math.ceil(60 / known.rate_per_minute));
    throw new Open311Error(429, 'rate limit for this api_key exceeded; retry later', {
      'Retry-After': String(retryAfter),
    });
  }
}
