import type { EventStore } from '@samad/event-store';
import { handleRequestCommand, loadRequest, type LoadedRequest } from '@samad/request-application';
import {
  directiveOverdueCommand,
  isDomainError,
  nextDirectiveStep,
  type RequestState,
} from '@samad/request-lifecycle';
import type { DataSource, EntityManager } from 'typeorm';
import { directiveDeadlines } from './directive-deadlines.table';

const WATCHER = { id: 'deadline-watcher', role: 'system' } as const;
const BATCH = 100;
// Several directives on one request may be overdue at once after an outage; at most this many per pass.
const MAX_STEPS = 20;

/**
 * One pass over the requests whose earliest open directive is due (ADR 37): each one past its due time
 * without a report gets DirectiveOverdue (the escalation). Replicas share the rows with SKIP LOCKED; the
 * decider refuses a fact already recorded, and the append expects the revision it decided on.
 */
export class DirectiveWatcher {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  /** Returns how many facts it appended. */
  async runOnce(now = new Date()): Promise<number> {
    let appended = 0;
    await this.dataSource.transaction(async (manager) => {
      const due = await directiveDeadlines.claimDue(manager, now, BATCH);
      for (const trackingCode of due) appended += await this.advance(manager, trackingCode, now);
    });
    return appended;
  }

  private async advance(manager: EntityManager, trackingCode: string, now: Date): Promise<number> {
    let loaded: LoadedRequest = await loadRequest(this.store, trackingCode);
    let appended = 0;
    for (let i = 0; i < MAX_STEPS; i++) {
      const step = nextDirectiveStep(loaded.state);
      const revision = loaded.revision === 'no_stream' ? -1n : (loaded.revision as bigint);
      if (!step) {
        await directiveDeadlines.forget(manager, trackingCode, revision);
        return appended;
      }
      if (step.dueAt.getTime() > now.getTime()) {
        await directiveDeadlines.reschedule(manager, trackingCode, step.dueAt, revision);
        return appended;
      }
      try {
        const outcome = await handleRequestCommand(
          this.store,
          directiveOverdueCommand(step, trackingCode, now),
          // The same cause for every replica: the same step gets the same event ids.
          { actor: WATCHER, causationId: `directive/${trackingCode}/${step.directiveId}/overdue` },
          { loaded },
        );
        appended += outcome.appended.length;
        loaded = { state: outcome.state as RequestState, revision: outcome.revision };
      } catch (error) {
        // The request moved on under us (reported, closed): look again from the store.
        if (!isDomainError(error)) throw error;
        const reloaded = await loadRequest(this.store, trackingCode);
        if (reloaded.revision === loaded.revision) {
          // Refused on the very state it was decided on (a closed request): nothing left to do here.
          await directiveDeadlines.forget(manager, trackingCode, revision);
          return appended;
        }
        loaded = reloaded;
      }
    }
    return appended;
  }
}
