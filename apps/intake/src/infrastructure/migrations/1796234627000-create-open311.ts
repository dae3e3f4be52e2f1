import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open311 GeoReport v2 (ADR 0032). open311_clients: the clients an administrator let in, each with the
 * SHA-256 of its API key (the key itself is shown once) and its token bucket. open311_requests: which
 * requests came through Open311, from which client, and what is published about them — no personal data.
 */
export class CreateOpen3111796234627000 implements MigrationInterface {
  readonly name = 'CreateOpen3111796234627000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS intake.open311_clients (
        id              text             PRIMARY KEY,
        name            text             NOT NULL,
        key_sha256      text             NOT NULL UNIQUE,
        rate_per_minute integer          NOT NULL CHECK (rate_per_minute > 0),
        burst           integer          NOT NULL CHECK (burst > 0),
        tokens          double precision NOT NULL,
        refilled_at     timestamptz      NOT NULL DEFAULT clock_timestamp(),
        created_by      text             NOT NULL,
        created_at      timestamptz      NOT NULL DEFAULT now(),
        revoked_at      timestamptz
      )`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS intake.open311_requests (
        tracking_code text        PRIMARY KEY,
        client_id     text        NOT NULL REFERENCES intake.open311_clients (id),
        token         uuid        NOT NULL UNIQUE,
        service_code  text        NOT NULL,
        lat           numeric(8, 5),
        long          numeric(8, 5),
        requested_at  timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS open311_requests_requested_idx ON intake.open311_requests (requested_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS intake.open311_requests`);
    await q.query(`DROP TABLE IF EXISTS intake.open311_clients`);
  }
}
