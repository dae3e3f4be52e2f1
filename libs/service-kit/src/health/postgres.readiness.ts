import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** PostgreSQL as the service uses it: one `SELECT 1` through the service's own TypeORM pool, no new client. */
@Injectable()
export class PostgresReadiness {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
