import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ending a user's sessions (disabled, new role or agency, new password: ADR 48) finds them by username;
 * only the live ones matter, so the index holds only sessions not yet revoked.
 */
export class SessionsByUsername1796290000000 implements MigrationInterface {
  readonly name = 'SessionsByUsername1796290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS sessions_live_by_username ON auth.sessions (username) WHERE revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS auth.sessions_live_by_username`);
  }
}
