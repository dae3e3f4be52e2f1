import { v5 as uuidv5 } from 'uuid';
import type { DataSource, EntityManager } from 'typeorm';
import type { KafkaMessage } from 'kafkajs';
import { createDeadLetterMessage, type DeadLetterReason } from '@samad/events';

// Any fixed namespace works; parked ids derive from where the message sat, so a redelivery parks nothing new.
const PARKED_ID_NAMESPACE = '3c5f3f0a-9d1b-4f3e-8d9a-2b6f1e0c7a54';

export interface ParkingTicket {
  readonly id: string;
  readonly consumer: string;
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly eventId?: string;
  readonly eventType?: string;
  readonly reason: DeadLetterReason;
  readonly error: string;
}

export const parkedIdOf = (consumer: string, topic: string, partition: number, offset: string): string =>
  uuidv5(`${consumer}/${topic}/${partition}/${offset}`, PARKED_ID_NAMESPACE);

export const errorText = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);

/** Inserts the tickets not parked before; returns those that are new (only they go to the dead-letter topic). */
export async function parkMessages(
  manager: EntityManager,
  schema: string,
  tickets: readonly ParkingTicket[],
): Promise<ParkingTicket[]> {
  if (tickets.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO "${schema}".parked_messages
       (id, consumer, topic, kafka_partition, kafka_offset, message_key, message_value, event_id, event_type, reason, error)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::text[], $7::bytea[],
                          $8::uuid[], $9::text[], $10::text[], $11::text[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      tickets.map((t) => t.id),
      tickets.map((t) => t.consumer),
      tickets.map((t) => t.topic),
      tickets.map((t) => t.partition),
      tickets.map((t) => t.message.offset),
      tickets.map((t) => t.message.key?.toString('utf8') ?? null),
      tickets.map((t) => t.message.value ?? null),
      tickets.map((t) => t.eventId ?? null),
      tickets.map((t) => t.eventType ?? null),
      tickets.map((t) => t.reason),
      tickets.map((t) => t.error),
    ],
  );
  const fresh = new Set(rows.map((r) => r.id));
  return tickets.filter((t) => fresh.has(t.id));
}

/** The dead-letter topic's copy of a parked message (a notice for people and tools; the table is the record). */
export const deadLetterOf = (ticket: ParkingTicket, failedAt: Date) => ({
  key: ticket.message.key,
  value: JSON.stringify({
    parkedId: ticket.id,
    ...createDeadLetterMessage({
      originalTopic: ticket.topic,
      partition: ticket.partition,
      offset: ticket.message.offset,
      key: ticket.message.key,
      value: ticket.message.value,
      reason: ticket.reason,
      error: ticket.error,
      failedAt,
      consumerGroup: ticket.consumer,
    }),
  }),
  headers: { 'parked-id': ticket.id },
});

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
