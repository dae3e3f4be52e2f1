import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizens of a merged duplicate follow the surviving request's notices (ADR 27, ADR 23).
 * request_merges records which request absorbed which (tracking codes only, nothing personal). A notice is
 * now one per fact, request and citizen: the survivor's answer reaches citizen 0 of the survivor and
 * citizen 0 of the duplicate, each under their own tracking code.
 */
export class MergedCitizensFollow1796260000000 implements MigrationInterface {
  readonly name = 'MergedCitizensFollow1796260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS intake.request_merges (
        absorbed_code text        PRIMARY KEY,
        survivor_code text        NOT NULL,
        merged_at     timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS request_merges_survivor_idx ON intake.request_merges (survivor_code)`,
    );
    await q.query(
      `ALTER TABLE intake.notifications DROP CONSTRAINT IF EXISTS notifications_event_id_citizen_index_key`,
    );
    await q.query(
      `ALTER TABLE intake.notifications ADD CONSTRAINT notifications_event_request_citizen_key
         UNIQUE (event_id, tracking_code, citizen_index)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE intake.notifications DROP CONSTRAINT IF EXISTS notifications_event_request_citizen_key`,
    );
    await q.query(
      `DELETE FROM intake.notifications n USING intake.notifications m
        WHERE n.event_id = m.event_id AND n.citizen_index = m.citizen_index AND n.id > m.id`,
    );
    await q.query(
      `ALTER TABLE intake.notifications ADD CONSTRAINT notifications_event_id_citizen_index_key
         UNIQUE (event_id, citizen_index)`,
    );
    await q.query(`DROP TABLE IF EXISTS intake.request_merges`);
  }
}
