// Chooses the adapter from configuration: EVENT_STORE=postgres (default) | eventstoredb.
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

/** Reads EVENT_STORE, DATABASE_URL and EVENTSTORE_CONNECTION_STRING. */
export const eventStoreConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): EventStoreConfig => {
  const kind = (env.EVENT_STORE ?? 'postgres').trim().toLowerCase();
  switch (kind) {
    case 'postgres':
    case 'postgresql':
      return { kind: 'postgres', connectionString: env.DATABASE_URL ?? DEFAULT_DATABASE_URL };
    case 'eventstoredb':
    case 'kurrentdb': {
      const connectionString = env.EVENTSTORE_CONNECTION_STRING;
      if (!connectionString) throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
      return { kind: 'eventstoredb', connectionString };
    }
    default:
      throw new Error(`EVENT_STORE must be "postgres" or "eventstoredb", got "${env.EVENT_STORE}"`);
  }
};

export const createEventStore = (config: EventStoreConfig = eventStoreConfigFromEnv()): EventStore => {
  switch (config.kind) {
    case 'postgres': {
      const { kind: _kind, ...options } = config;
      return new PostgresEventStore(options);
    }
    case 'eventstoredb':
      return EventStoreDbEventStore.fromConnectionString(config.connectionString);
  }
};
