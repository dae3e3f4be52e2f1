import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users may hold the agency_editor (ADR 36) and official (ADR 37) roles too. */
export class OfficialRole1796250000300 implements MigrationInterface {
  readonly name = 'OfficialRole1796250000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`
      ALTER TABLE intake.users ADD CONSTRAINT users_role_check CHECK (role IN
        ('operator', 'agency_staff', 'agency_system', 'agency_editor', 'supervisor', 'official', 'auditor', 'admin'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`
      ALTER TABLE intake.users ADD CONSTRAINT users_role_check CHECK (role IN
        ('operator', 'agency_staff', 'agency_system', 'supervisor', 'auditor', 'admin'))`);
  }
}
