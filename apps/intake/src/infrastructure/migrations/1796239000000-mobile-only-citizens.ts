import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A citizen who filed online without a national code (ADR 39) is found by the digest of the mobile alone:
 * the national code digest of such a row is NULL (NULL never equals NULL, so no two mobile-only citizens
 * match each other by it).
 */
export class MobileOnlyCitizens1796239000000 implements MigrationInterface {
  readonly name = 'MobileOnlyCitizens1796239000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.request_citizens ALTER COLUMN national_code_digest DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM intake.request_citizens WHERE national_code_digest IS NULL`);
    await q.query(`ALTER TABLE intake.request_citizens ALTER COLUMN national_code_digest SET NOT NULL`);
  }
}
