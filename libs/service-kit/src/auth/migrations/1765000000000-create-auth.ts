import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema auth, read by every service: the deny-list of revoked access tokens, the refresh-token families
 * and intake's sign-in failure counters. Shared because every replica of every service must refuse a
 * revoked token, not only the one that revoked it.
 */
export class CreateAuth1765000000000 implements MigrationInterface {
  readonly name = 'CreateAuth1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS auth`);
    // A row lives as long as the token it refuses; after that the token's own expiry refuses it.
    await q.query(`
      CREATE TABLE IF NOT EXISTS auth.revoked_tokens (
        jti        text        PRIMARY KEY,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS revoked_tokens_expiry ON auth.revoked_tokens (expires_at)`);
    // One family per sign-in: every refresh token and access token of that session names it (claim sid).
    await q.query(`
      CREATE TABLE IF NOT EXISTS auth.sessions (
        session_id text        PRIMARY KEY,
        username   text        NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_because text
      )`);
    // Only the SHA-256 of a refresh token is kept; rotated_at marks one already exchanged.
    await q.query(`
      CREATE TABLE IF NOT EXISTS auth.refresh_tokens (
        token_hash bytea       PRIMARY KEY,
        session_id text        NOT NULL REFERENCES auth.sessions (session_id) ON DELETE CASCADE,
        issued_at  timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS auth.login_failures (
        id        bigserial   PRIMARY KEY,
        username  text        NOT NULL,
        client_ip text        NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE INDEX IF NOT EXISTS login_failures_pair ON auth.login_failures (username, client_ip, failed_at)`);
    await q.query(`
      CREATE INDEX IF NOT EXISTS login_failures_client ON auth.login_failures (client_ip, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE IF EXISTS auth.login_failures, auth.refresh_tokens, auth.sessions, auth.revoked_tokens`,
    );
  }
}
