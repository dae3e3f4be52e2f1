// The shared contract against a real EventStoreDB/KurrentDB, when EVENTSTORE_CONNECTION_STRING points at one.
import { NotSupportedError } from '../event-store.errors';
import { eventStoreContract } from '../test-support/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// EVENTSTOREDB_URL (the name) or EVENTSTORE_CONNECTION_STRING (the adapter's).
const connectionString = process.env.EVENTSTOREDB_URL ?? process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract('eventstoredb', async () =>
    EventStoreDbEventStore.fromConnectionString(connectionString),
  );

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
} else {
  const reason =
    'no EventStoreDB/KurrentDB server configured: EVENTSTOREDB_URL is not set ' +
    '(e.g. esdb://127.0.0.1:2113?tls=false); the same contract ran against PostgreSQL';
  console.info(`Skipped the EventStoreDB backend: ${reason}`);
  describe('EventStore contract: eventstoredb', () => {
    it.skip(`skipped: ${reason}`, () => undefined);
  });
}
