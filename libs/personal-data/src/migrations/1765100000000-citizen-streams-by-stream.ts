import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Free text of a later event is sealed under the key linked to its stream's representative: found by stream. */
export class CitizenStreamsByStream1765100000000 implements MigrationInterface {
  readonly name = 'CitizenStreamsByStream1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX IF NOT EXISTS citizen_streams_by_stream
        ON personal_data.citizen_streams (stream_id, citizen_index)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS personal_data.citizen_streams_by_stream`);
  }
}
