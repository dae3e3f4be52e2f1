import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users may hold the official role (ADR 37) too, beside agency editors (ADR 36) and managers (ADR 38). */
export class OfficialRole1796250000300 implements MigrationInterface {
  readonly name = 'OfficialRole1796250000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`
      ALTER TABLE intake.users ADD CONSTRAINT users_role_check CHECK (role IN
        ('operator', 'agency_staff', 'agency_system', 'agency_editor', 'agency_manager', 'supervisor', 'official',
         'auditor', 'admin'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM intake.users WHERE role = 'official'`);
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`
      ALTER TABLE intake.users ADD CONSTRAINT users_role_check CHECK (role IN
        ('operator', 'agency_staff', 'agency_system', 'agency_editor', 'agency_manager', 'supervisor', 'auditor',
         'admin'))`);
  }
}
