// Public API of @samad/event-store.
export * from './event-store.port';
export * from './event-store.errors';
export { comparePositions, formatPosition, parsePosition } from './position';
export { recordedEventFromJson, recordedEventToJson, type RecordedEventJson } from './recorded-event.json';
export {
  createEventStore,
  eventStoreConfigOf,
  EventStoreConfigError,
  DEFAULT_DATABASE_URL,
  type EventStoreConfig,
} from './event-store.factory';
export { consoleLogger, silentLogger, type EventStoreLogger } from './support/logger';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export {
  DEFAULT_POSTGRES_TIMEOUTS,
  poolTimeoutSettings,
  type PostgresTimeouts,
} from './postgres/postgres-timeouts';
export type { AppendBatcherOptions } from './postgres/append-batcher';
export { APPEND_CHANNEL } from './postgres/append-notifier';
export { eventStoreMigrations } from './postgres/migrations';
export {
  runEventStoreMigrations,
  type EventStoreMigrationResult,
} from './postgres/run-event-store-migrations';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export {
  KafkaRelay,
  type KafkaRelayOptions,
  type KafkaRelayStats,
  type RelayedMessage,
} from './relay/kafka-relay';
export * from './audit';
