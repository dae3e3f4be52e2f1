// The audit tree's leaves from whichever store a service runs on: PostgreSQL reads its own tables,
// EventStoreDB reads $all (ADR 0043). The checkpoint log and the kept leaves stay in PostgreSQL either way.
import type { Pool, PoolClient } from 'pg';
import type { EventStore, Position } from '../event-store.port';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import type { AuditLeafInput } from './audit-leaf';
import { eventStoreDbAuditLeaves, readEventStoreDbLeavesAfter } from './eventstoredb-audit-source';
import { countCommittedEvents, postgresAuditLeaves, readCommittedLeavesAfter } from './postgres-audit-source';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/** Every committed event of the store in global order. */
export const storeAuditLeaves = (store: EventStore, db: Queryable): AsyncIterable<AuditLeafInput> =>
  store instanceof EventStoreDbEventStore ? eventStoreDbAuditLeaves(store) : postgresAuditLeaves(db);

/** How many events a whole-store verification will check (EventStoreDB keeps no count: one pass over $all). */
export const countStoreEvents = async (store: EventStore, db: Queryable): Promise<number> => {
  if (!(store instanceof EventStoreDbEventStore)) return countCommittedEvents(db);
  let count = 0;
  for await (const _event of store.readAllEvents()) count++;
  return count;
};

/** What the checkpointer reads after its last checkpoint, from the given store. */
export const storeLeavesReader =
  (store: EventStore | undefined) =>
  (db: Queryable, after: Position, limit: number): Promise<AuditLeafInput[]> =>
    store instanceof EventStoreDbEventStore
      ? readEventStoreDbLeavesAfter(store, after, limit)
      : readCommittedLeavesAfter(db, after, limit);
