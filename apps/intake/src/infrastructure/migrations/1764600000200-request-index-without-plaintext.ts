import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CitizenDigests, personalDataKeysFromEnv } from '@samad/personal-data';

/**
 * The caller search index keeps no national code or mobile in clear: one row per citizen of a request with
 * keyed digests of both (searched by digesting the query), removable one citizen at a time on erasure.
 * Existing rows are carried over, digested with the server secret (PERSONAL_DATA_SECRET).
 */
export class RequestIndexWithoutPlaintext1764600000200 implements MigrationInterface {
  readonly name = 'RequestIndexWithoutPlaintext1764600000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake.request_citizens (
        tracking_code        text    NOT NULL REFERENCES intake.request_index (tracking_code) ON DELETE CASCADE,
        citizen_index        integer NOT NULL CHECK (citizen_index >= 0),
        national_code_digest text    NOT NULL,
        mobile_digest        text    NOT NULL,
        PRIMARY KEY (tracking_code, citizen_index)
      )`);
    await q.query(
      `CREATE INDEX request_citizens_national_code_idx ON intake.request_citizens (national_code_digest)`,
    );
    await q.query(`CREATE INDEX request_citizens_mobile_idx ON intake.request_citizens (mobile_digest)`);

    const digests = new CitizenDigests(personalDataKeysFromEnv());
    const rows = (await q.query(
      `SELECT tracking_code, national_codes, mobiles FROM intake.request_index`,
    )) as { tracking_code: string; national_codes: string[]; mobiles: string[] }[];
    for (const row of rows) {
      for (const [index, nationalCode] of row.national_codes.entries()) {
        await q.query(
          `INSERT INTO intake.request_citizens (tracking_code, citizen_index, national_code_digest, mobile_digest)
           VALUES ($1, $2, $3, $4)`,
          [row.tracking_code, index, digests.nationalCode(nationalCode), digests.mobile(row.mobiles[index])],
        );
      }
    }
    await q.query(`ALTER TABLE intake.request_index DROP COLUMN national_codes, DROP COLUMN mobiles`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The clear values cannot come back from digests; the old columns return empty (rebuild by replaying).
    await q.query(`
      ALTER TABLE intake.request_index
        ADD COLUMN national_codes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN mobiles text[] NOT NULL DEFAULT '{}'`);
    await q.query(`DROP TABLE intake.request_citizens`);
  }
}
