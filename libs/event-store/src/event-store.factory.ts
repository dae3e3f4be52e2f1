// Chooses the adapter from configuration: EVENT_STORE=postgres (default) | eventstoredb, read by the service's config.
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import type { EventStore } from './event-store.port';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';

export type EventStoreConfig =
  | ({ readonly kind: 'postgres'; readonly connectionString: string } & Omit<
      PostgresEventStoreOptions,
      'connectionString'
    >)
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/samad';

/** A wrong event-store setting, naming the variable it came from. */
export class EventStoreConfigError extends Error {
  constructor(
    readonly variable: 'EVENT_STORE' | 'EVENTSTORE_CONNECTION_STRING',
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

/** The adapter settings from already-read values (EVENT_STORE, DATABASE_URL, EVENTSTORE_CONNECTION_STRING). */
export const eventStoreConfigOf = (values: {
  readonly eventStore?: string;
  readonly databaseUrl: string;
  readonly eventStoreConnectionString?: string;
}): EventStoreConfig => {
  const kind = (values.eventStore ?? 'postgres').trim().toLowerCase();
  switch (kind) {
    case 'postgres':
    case 'postgresql':
      return { kind: 'postgres', connectionString: values.databaseUrl };
    case 'eventstoredb':
    case 'kurrentdb': {
      const connectionString = values.eventStoreConnectionString?.trim();
      if (!connectionString) {
        throw new EventStoreConfigError('EVENTSTORE_CONNECTION_STRING', `required with EVENT_STORE=${kind}`);
      }
      return { kind: 'eventstoredb', connectionString };
    }
    default:
      throw new EventStoreConfigError('EVENT_STORE', `must be "postgres" or "eventstoredb", got "${kind}"`);
  }
};

export const createEventStore = (config: EventStoreConfig): EventStore => {
  switch (config.kind) {
    case 'postgres': {
      const { kind: _kind, ...options } = config;
      return new PostgresEventStore(options);
    }
    case 'eventstoredb':
      return EventStoreDbEventStore.fromConnectionString(config.connectionString);
  }
};
