import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An operator's telephone extension, so the PBX's answered call reaches that operator's screen (ADR 45). */
export class OperatorExtensions1796270045000 implements MigrationInterface {
  readonly name = 'OperatorExtensions1796270045000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.users ADD COLUMN IF NOT EXISTS extension text`);
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_extension_check`);
    // Only operators answer the 111 line; an extension is the PBX's digits.
    await q.query(`
      ALTER TABLE intake.users ADD CONSTRAINT users_extension_check
        CHECK (extension IS NULL OR (role = 'operator' AND extension ~ '^[0-9]{2,8}$'))`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS users_extension_idx ON intake.users (extension)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS intake.users_extension_idx`);
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_extension_check`);
    await q.query(`ALTER TABLE intake.users DROP COLUMN IF EXISTS extension`);
  }
}
