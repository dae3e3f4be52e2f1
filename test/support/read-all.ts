import type { EventStore, RecordedEvent } from '@samad/event-store';
import { waitFor } from './environment';

/**
 * `$all` shows an event only once every transaction that began before its commit has ended, anywhere in the
 * cluster (ADR 2), so a read right after a write may miss it: read until `holds` accepts what came back.
 */
export const readAllOnce = (
  store: EventStore,
  what: string,
  holds: (all: RecordedEvent[]) => boolean,
): Promise<RecordedEvent[]> =>
  waitFor(what, async () => {
    const all = await store.readAll();
    return holds(all) ? all : undefined;
  });
