// Shared plumbing for subscribeToAll: push (onEvent) or pull (for await) delivery, stop() and done.
import type { AllSubscription, EventHandler, RecordedEvent } from '../event-store.port';
import { AsyncChannel } from './async-channel';

export abstract class SubscriptionBase implements AllSubscription {
  private stopped = false;
  private readonly channel: AsyncChannel<RecordedEvent> | undefined;
  private settled: Promise<void> = Promise.resolve();

  protected constructor(
    private readonly onEvent: EventHandler | undefined,
    bufferSize = 512,
  ) {
    this.channel = onEvent ? undefined : new AsyncChannel<RecordedEvent>(bufferSize);
  }

  get done(): Promise<void> {
    return this.settled;
  }

  /** Subclasses call this last in their constructor, once their own fields are set. */
  protected start(): void {
    this.settled = this.run().then(
      () => this.channel?.close(),
      (error: unknown) => {
        this.stopped = true;
        this.channel?.close({ error });
        throw error;
      },
    );
    // Callers who never look at `done` must not get an unhandled rejection; those who do still see it.
    this.settled.catch(() => undefined);
  }

  protected get isStopped(): boolean {
    return this.stopped;
  }

  /** Hands one event over; resolves when the handler returned (push) or the event is queued (pull). */
  protected async deliver(event: RecordedEvent): Promise<void> {
    if (this.onEvent) await this.onEvent(event);
    else await this.channel?.push(event);
  }

  /** The catch-up/live loop; returns when isStopped turns true. */
  protected abstract run(): Promise<void>;

  /** Wakes the loop from any wait so it can see isStopped. */
  protected abstract interrupt(): void;

  /** Don't await this from inside onEvent: it waits for that very handler to return. */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.channel?.close({ drop: true });
      this.interrupt();
    }
    await this.settled.catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const channel = this.channel;
    if (!channel) throw new TypeError('This subscription delivers to onEvent; it cannot also be iterated');
    return {
      next: () => channel.next(),
      // Leaving a for-await loop early stops the subscription.
      return: async () => {
        await this.stop();
        return { value: undefined, done: true };
      },
    };
  }
}
