import type { DataSource } from 'typeorm';

export interface RedriveRow {
  readonly id: string;
  readonly topic: string;
  readonly kafka_partition: number;
  readonly kafka_offset: string;
  readonly message_value: Buffer | null;
}

/** Parked messages of one consumer that an operator asked to re-drive, oldest first. */
export const redriveRequested = (
  dataSource: DataSource,
  schema: string,
  consumer: string,
  limit = 100,
): Promise<RedriveRow[]> =>
  dataSource.query(
    `SELECT id, topic, kafka_partition, kafka_offset, message_value FROM "${schema}".parked_messages
      WHERE consumer = $1 AND redrive_requested_at IS NOT NULL AND redriven_at IS NULL
      ORDER BY parked_at LIMIT $2`,
    [consumer, limit],
  );
