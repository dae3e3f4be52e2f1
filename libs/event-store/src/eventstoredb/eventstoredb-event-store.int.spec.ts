// The shared contract against a real EventStoreDB/KurrentDB. jest.config.js runs this file only when
// EVENTSTOREDB_URL or EVENTSTORE_CONNECTION_STRING names a server, and prints why it did not otherwise.
import { NotSupportedError } from '../event-store.errors';
import { eventStoreContract } from '../test-support/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// EVENTSTOREDB_URL (the name) or EVENTSTORE_CONNECTION_STRING (the adapter's).
const connectionString = (process.env.EVENTSTOREDB_URL ?? process.env.EVENTSTORE_CONNECTION_STRING)!;

eventStoreContract('eventstoredb', async () => EventStoreDbEventStore.fromConnectionString(connectionString));

describe('EventStoreDbEventStore', () => {
  it('says plainly that it keeps no hash chain to verify', async () => {
    const store = EventStoreDbEventStore.fromConnectionString(connectionString);
    try {
      await expect(store.verifyAll()).rejects.toBeInstanceOf(NotSupportedError);
      await expect(store.verifyStream('any')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    } finally {
      await store.close();
    }
  });
});
