import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency managers at the centre (ADR 38) sign in like agency staff, bound to one agency. Agency editors
 * (ADR 36) are let in here too: they came by identity-provider tokens only until now.
 */
export class AgencyManagers1767100000000 implements MigrationInterface {
  readonly name = 'AgencyManagers1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_agency_binding`);
    await q.query(`
      ALTER TABLE intake.users
        ADD CONSTRAINT users_role_check CHECK (role IN ('operator', 'agency_staff', 'agency_system',
          'agency_editor', 'agency_manager', 'supervisor', 'auditor', 'admin')),
        ADD CONSTRAINT users_agency_binding CHECK (
          (role IN ('agency_staff', 'agency_system', 'agency_editor', 'agency_manager')) = (agency_code IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM intake.users WHERE role IN ('agency_editor', 'agency_manager')`);
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`ALTER TABLE intake.users DROP CONSTRAINT IF EXISTS users_agency_binding`);
    await q.query(`
      ALTER TABLE intake.users
        ADD CONSTRAINT users_role_check CHECK (role IN ('operator', 'agency_staff', 'agency_system',
          'supervisor', 'auditor', 'admin')),
        ADD CONSTRAINT users_agency_binding CHECK (
          (role IN ('agency_staff', 'agency_system')) = (agency_code IS NOT NULL))`);
  }
}
