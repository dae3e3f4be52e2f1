import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A citizen's contact in request_details can be erased: name and mobile become NULL and citizen_erased
 * says why. contact_index remembers which citizen of the registration the contact is, so an erasure of
 * that citizen (and only that one) clears it.
 */
export class ErasableCitizenContact1764600000100 implements MigrationInterface {
  readonly name = 'ErasableCitizenContact1764600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agency.request_details
        ALTER COLUMN citizen_name DROP NOT NULL,
        ALTER COLUMN citizen_mobile DROP NOT NULL,
        ADD COLUMN IF NOT EXISTS contact_index integer NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS citizen_erased boolean NOT NULL DEFAULT false`);
    await q.query(`
      ALTER TABLE agency.request_details
        ADD CONSTRAINT request_details_contact_present_unless_erased
        CHECK (citizen_erased OR (citizen_name IS NOT NULL AND citizen_mobile IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agency.request_details
        DROP CONSTRAINT IF EXISTS request_details_contact_present_unless_erased,
        DROP COLUMN IF EXISTS citizen_erased,
        DROP COLUMN IF EXISTS contact_index`);
  }
}
