import type { MigrationInterface, QueryRunner } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * Every consuming service records the events it has applied in the same transaction as the effect,
 * so a redelivered Kafka message changes nothing (the idempotent-consumer half of at-least-once).
 */
export function processedEventsMigration(schema: string, timestamp: number): MigrationClass {
  return class implements MigrationInterface {
    readonly name = `CreateProcessedEvents${timestamp}`;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE IF NOT EXISTS "${schema}".processed_events (
          consumer   text        NOT NULL,
          event_id   uuid        NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer, event_id)
        )`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE IF EXISTS "${schema}".processed_events`);
    }
  };
}
