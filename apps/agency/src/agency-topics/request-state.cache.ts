import type { RequestState } from '@samad/request-lifecycle';

/**
 * Each request as it stood after the last event this consumer applied, so the agency topics can be fed
 * without re-reading stream prefixes. Bounded (least recently used goes first) and revision-checked: an
 * entry is used only for the event right after it, so a gap (restart, rebalance, redelivery) reads the store.
 */
export class RequestStateCache {
  private readonly entries = new Map<string, { revision: number; state: RequestState }>();

  constructor(private readonly capacity = 50_000) {}

  /** The state just before `revision` of the stream, if known. */
  before(streamId: string, revision: number): RequestState | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.revision !== revision - 1) return undefined;
    return entry.state;
  }

  remember(streamId: string, revision: number, state: RequestState): void {
    this.entries.delete(streamId); // re-insert: Map order is recency order
    this.entries.set(streamId, { revision, state });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
