import type { EventStore } from '@samad/event-store';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import { isDomainError, verdictWindowEndsAt, type Close } from '@samad/request-lifecycle';
import type { DataSource, EntityManager } from 'typeorm';
import { verdictWindows } from './verdict-windows.table';

const WATCHER = { id: 'verdict-window-watcher', role: 'system' } as const;
const BATCH = 100;

/**
 * Closes answered requests whose verdict window ended without an objection (`RequestClosed`, reason
 * `answered`). Any number of replicas may run it at once: rows are claimed with SKIP LOCKED, the close is
 * idempotent in the decider, the append expects the revision it decided on, and the event id comes from
 * the answer it closes, so two replicas on one request append one fact.
 */
export class VerdictWindowWatcher {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly windowDays: number,
  ) {}

  /** Returns how many requests it closed. */
  async runOnce(now = new Date()): Promise<number> {
    let closed = 0;
    await this.dataSource.transaction(async (manager) => {
      const ended = await verdictWindows.claimDue(manager, now, BATCH);
      for (const trackingCode of ended) closed += await this.closeIfEnded(manager, trackingCode, now);
    });
    return closed;
  }

  private async closeIfEnded(manager: EntityManager, trackingCode: string, now: Date): Promise<number> {
    const loaded = await loadRequest(this.store, trackingCode);
    const { state } = loaded;
    const revision = loaded.revision === 'no_stream' ? -1n : (loaded.revision as bigint);
    // Objected (reopened), closed by hand, or never answered: nothing left to close here.
    if (state.status !== 'answered' || !state.answeredAt) {
      await verdictWindows.forget(manager, trackingCode, revision);
      return 0;
    }
    const endsAt = verdictWindowEndsAt(state.answeredAt, this.windowDays);
    if (endsAt.getTime() > now.getTime()) {
      await verdictWindows.reschedule(manager, trackingCode, endsAt);
      return 0;
    }
    const command: Close = { type: 'Close', data: { trackingCode, reason: 'answered', now } };
    try {
      const outcome = await handleRequestCommand(
        this.store,
        command,
        { actor: WATCHER, causationId: `verdict-window/${trackingCode}/${state.answeredAt}` },
        { loaded },
      );
      await verdictWindows.forget(manager, trackingCode, outcome.revision);
      return outcome.appended.length;
    } catch (error) {
      // The citizen objected at the last moment (or a supervisor closed it): the next pass looks again.
      if (!isDomainError(error)) throw error;
      return 0;
    }
  }
}
