import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { EventStoreConfigError, createEventStore, eventStoreConfigOf } from './event-store.factory';
import { PostgresEventStore } from './postgres/postgres-event-store';

describe('event store configuration', () => {
  it('defaults to PostgreSQL on DATABASE_URL', () => {
    expect(eventStoreConfigOf({ databaseUrl: 'postgres://db/samad' })).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://db/samad',
    });
  });

  it('chooses EventStoreDB with EVENT_STORE=eventstoredb and its connection string', () => {
    expect(
      eventStoreConfigOf({
        eventStore: 'eventstoredb',
        databaseUrl: 'postgres://db/samad',
        eventStoreConnectionString: 'esdb://localhost:2113?tls=false',
      }),
    ).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
  });

  it('explains what is missing or wrong', () => {
    const databaseUrl = 'postgres://db/samad';
    expect(() => eventStoreConfigOf({ eventStore: 'eventstoredb', databaseUrl })).toThrow(
      new EventStoreConfigError('EVENTSTORE_CONNECTION_STRING', 'required with EVENT_STORE=eventstoredb'),
    );
    expect(() => eventStoreConfigOf({ eventStore: 'mongo', databaseUrl })).toThrow(
      /^EVENT_STORE: must be "postgres" or "eventstoredb", got "mongo"$/,
    );
  });

  it('builds the adapter the configuration names (without connecting yet)', async () => {
    const postgres = createEventStore({ kind: 'postgres', connectionString: 'postgres://127.0.0.1:1/none' });
    expect(postgres).toBeInstanceOf(PostgresEventStore);
    await postgres.close();
    const esdb = createEventStore({ kind: 'eventstoredb', connectionString: 'esdb://127.0.0.1:1?tls=false' });
    expect(esdb).toBeInstanceOf(EventStoreDbEventStore);
    await esdb.close();
  });
});
