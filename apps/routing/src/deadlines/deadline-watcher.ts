import type { EventStore } from '@samad/event-store';
import { handleRequestCommand, loadRequest, type LoadedRequest } from '@samad/request-application';
import {
  deadlineStepCommand,
  isDomainError,
  nextDeadlineStep,
  type DeadlineCalendar,
  type RequestState,
} from '@samad/request-lifecycle';
import type { DataSource, EntityManager } from 'typeorm';
import type { WorkingCalendarConfig } from '@samad/service-kit';
import { workingCalendarAt } from '../working-calendar/working-calendar.queries';
import { openDeadlines } from './open-deadlines.table';

const WATCHER = { id: 'deadline-watcher', role: 'system' } as const;
const BATCH = 100;
// Approaching, missed and level 2 can all be due at once after a long outage; never more steps than that.
const MAX_STEPS = 3;

export interface DeadlineWatcherOptions {
  readonly inspectionAfterWorkingDays: number;
  /** Thursday's rule and office hours (CALENDAR_*); the holidays come from routing.holidays. */
  readonly workingCalendar: WorkingCalendarConfig;
}

/**
 * One pass over the deadlines whose moment has come. Any number of replicas may run it at once: rows are
 * claimed with SKIP LOCKED, and even two replicas on one request append each fact once, because the
 * decider refuses a fact already on the stream and the append expects the revision it decided on.
 */
export class DeadlineWatcher {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly options: DeadlineWatcherOptions,
  ) {}

  /** Returns how many facts it appended. */
  async runOnce(now = new Date()): Promise<number> {
    let appended = 0;
    await this.dataSource.transaction(async (manager) => {
      const due = await openDeadlines.claimDue(manager, now, BATCH);
      if (due.length === 0) return;
      const calendar = await this.calendar(manager, now);
      for (const trackingCode of due) appended += await this.advance(manager, trackingCode, calendar, now);
    });
    return appended;
  }

  private async advance(
    manager: EntityManager,
    trackingCode: string,
    calendar: DeadlineCalendar,
    now: Date,
  ): Promise<number> {
    let loaded: LoadedRequest = await loadRequest(this.store, trackingCode);
    let appended = 0;
    for (let i = 0; i < MAX_STEPS; i++) {
      const step = nextDeadlineStep(loaded.state, calendar);
      const revision = loaded.revision === 'no_stream' ? -1n : (loaded.revision as bigint);
      if (!step) {
        await openDeadlines.forget(manager, trackingCode, revision);
        return appended;
      }
      if (step.at.getTime() > now.getTime()) {
        await openDeadlines.reschedule(manager, trackingCode, step.at, revision);
        return appended;
      }
      try {
        const outcome = await handleRequestCommand(
          this.store,
          deadlineStepCommand(step, trackingCode, now),
          // The same cause for every replica: the same step gets the same event ids.
          {
            actor: WATCHER,
            causationId: `deadline/${trackingCode}/${step.dueAt.toISOString()}/${step.command}`,
          },
          { loaded },
        );
        appended += outcome.appended.length;
        loaded = { state: outcome.state as RequestState, revision: outcome.revision };
      } catch (error) {
        // The request moved on under us (answered, returned, a new due time): look again from the store.
        if (!isDomainError(error)) throw error;
        loaded = await loadRequest(this.store, trackingCode);
      }
    }
    return appended;
  }

  // The same calendar routing computes due dates in, so "one working day before" and level 2 agree with them.
  private async calendar(manager: EntityManager, now: Date): Promise<DeadlineCalendar> {
    // A day before today's deadlines may matter ("one working day before"): read from a week back.
    const since = new Date(now.getTime() - 7 * 86_400_000);
    const calendar = await workingCalendarAt(manager, this.options.workingCalendar, since);
    return { ...calendar, inspectionAfterWorkingDays: this.options.inspectionAfterWorkingDays };
  }
}
