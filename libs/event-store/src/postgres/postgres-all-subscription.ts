// subscribeToAll on PostgreSQL: pages through the committed prefix, then sleeps until NOTIFY or a slow poll.
import type { EventHandler, Position, RecordedEvent } from '../event-store.port';
import { errorMessage, type EventStoreLogger } from '../support/logger';
import { SubscriptionBase } from '../support/subscription-base';
import { WakeSignal } from '../support/wake-signal';
import type { NotificationListener } from './notification-listener';

export interface AllPage {
  readonly events: RecordedEvent[];
  /** xmin of the snapshot the page was read with: every transaction below it is finished and visible. */
  readonly snapshotXmin: bigint;
}

export interface PostgresAllSubscriptionDeps {
  readonly readPage: (after: Position | undefined, limit: number) => Promise<AllPage>;
  readonly listener: NotificationListener | undefined;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly logger: EventStoreLogger;
}

const MAX_HELD_BACK_DELAY_MS = 100;
const MAX_ERROR_DELAY_MS = 5000;

export class PostgresAllSubscription extends SubscriptionBase {
  private readonly wake = new WakeSignal();
  private readonly unlisten: (() => void) | undefined;
  /** Highest transaction id announced by NOTIFY that we may not have seen yet. */
  private announced: bigint | undefined;

  constructor(
    private readonly deps: PostgresAllSubscriptionDeps,
    private checkpoint: Position | undefined,
    onEvent: EventHandler | undefined,
  ) {
    super(onEvent, deps.batchSize * 2);
    this.unlisten = deps.listener?.listen((payload) => this.onNotification(payload));
    this.start();
  }

  protected async run(): Promise<void> {
    let heldBackDelay = 0;
    let failures = 0;
    try {
      while (!this.isStopped) {
        let page: AllPage;
        try {
          page = await this.deps.readPage(this.checkpoint, this.deps.batchSize);
          failures = 0;
        } catch (error) {
          if (this.isStopped) break;
          failures += 1;
          const delay = Math.min(100 * 2 ** failures, MAX_ERROR_DELAY_MS);
          this.deps.logger.warn('Subscription read failed; retrying', { error: errorMessage(error), delay });
          await this.wake.wait(delay);
          continue;
        }
        for (const event of page.events) {
          if (this.isStopped) return;
          await this.deliver(event);
          this.checkpoint = event.position;
        }
        if (page.events.length >= this.deps.batchSize) continue;
        if (this.announced !== undefined && page.snapshotXmin <= this.announced) {
          // Announced but not yet readable: an older transaction still holds xmin back. Re-poll soon.
          heldBackDelay = heldBackDelay === 0 ? 2 : Math.min(heldBackDelay * 2, MAX_HELD_BACK_DELAY_MS);
          await this.wake.wait(heldBackDelay);
          continue;
        }
        this.announced = undefined;
        heldBackDelay = 0;
        await this.wake.wait(this.deps.pollIntervalMs);
      }
    } finally {
      this.unlisten?.();
    }
  }

  protected interrupt(): void {
    this.wake.fire();
  }

  private onNotification(payload: string): void {
    if (/^\d+$/.test(payload)) {
      const transactionId = BigInt(payload);
      if (this.announced === undefined || transactionId > this.announced) this.announced = transactionId;
    }
    this.wake.fire();
  }
}
