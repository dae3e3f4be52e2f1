// The shared contract against a real EventStoreDB/KurrentDB, when EVENTSTORE_CONNECTION_STRING points at one.
import { NotSupportedError } from '../event-store.errors';
import { eventStoreContract } from '../test-support/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

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
  console.info(
    'Skipped the EventStoreDB backend: EVENTSTORE_CONNECTION_STRING is not set ' +
      '(e.g. esdb://127.0.0.1:2113?tls=false). The same contract ran against PostgreSQL.',
  );
  describe.skip('EventStore contract: eventstoredb (EVENTSTORE_CONNECTION_STRING not set)', () => {
    it('runs the shared contract suite', () => undefined);
  });
}
