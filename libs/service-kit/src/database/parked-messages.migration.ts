import type { MigrationInterface, QueryRunner } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * Messages a consumer could never apply (undecodable, schema-invalid, refused by the domain), parked in the
 * same transaction that moves the consumer past them: exactly one row per message, whatever the redeliveries.
 * An operator re-drives a row by setting `redrive_requested_at`; the owning service applies it and stamps
 * `redriven_at`.
 */
export function parkedMessagesMigration(schema: string, timestamp: number): MigrationClass {
  return class implements MigrationInterface {
    readonly name = `CreateParkedMessages${timestamp}`;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE IF NOT EXISTS "${schema}".parked_messages (
          id                   uuid        PRIMARY KEY,
          consumer             text        NOT NULL,
          topic                text        NOT NULL,
          kafka_partition      integer     NOT NULL,
          kafka_offset         bigint      NOT NULL,
          message_key          text,
          message_value        bytea,
          event_id             uuid,
          event_type           text,
          reason               text        NOT NULL,
          error                text        NOT NULL,
          parked_at            timestamptz NOT NULL DEFAULT now(),
          attempts             integer     NOT NULL DEFAULT 0,
          redrive_requested_at timestamptz,
          redriven_at          timestamptz,
          UNIQUE (consumer, topic, kafka_partition, kafka_offset)
        )`);
      await queryRunner.query(`
        CREATE INDEX IF NOT EXISTS parked_messages_redrive_requested
          ON "${schema}".parked_messages (redrive_requested_at)
          WHERE redrive_requested_at IS NOT NULL AND redriven_at IS NULL`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE IF EXISTS "${schema}".parked_messages`);
    }
  };
}
