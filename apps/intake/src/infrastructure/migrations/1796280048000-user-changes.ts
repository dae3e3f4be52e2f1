import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who created a user, and who last changed one and when (the administrator's user screen, ADR 48). */
export class UserChanges1796280048000 implements MigrationInterface {
  readonly name = 'UserChanges1796280048000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intake.users
        ADD COLUMN IF NOT EXISTS created_by text,
        ADD COLUMN IF NOT EXISTS changed_by text,
        ADD COLUMN IF NOT EXISTS changed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intake.users
        DROP COLUMN IF EXISTS changed_at, DROP COLUMN IF EXISTS changed_by, DROP COLUMN IF EXISTS created_by`);
  }
}
