// A bounded async queue: gives pull-mode subscriptions back-pressure instead of unbounded buffering.
export class AsyncChannel<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private readonly pushWaiters: Array<() => void> = [];
  private pullWaiter: (() => void) | undefined;
  private closed = false;
  private failure: { error: unknown } | undefined;

  constructor(private readonly capacity: number) {}

  /** Resolves once the item is queued, or at once (dropping it) when the channel is closed. */
  async push(item: T): Promise<void> {
    while (!this.closed && this.items.length >= this.capacity) {
      await new Promise<void>((resolve) => this.pushWaiters.push(resolve));
    }
    if (this.closed) return;
    this.items.push(item);
    this.wakePuller();
  }

  /** Ends iteration: `drop` discards what is buffered; an error is thrown to the reader after the buffer. */
  close(options: { error?: unknown; drop?: boolean } = {}): void {
    if (this.closed) return;
    this.closed = true;
    if (options.drop) this.items.length = 0;
    if (options.error !== undefined) this.failure = { error: options.error };
    this.pushWaiters.splice(0).forEach((wake) => wake());
    this.wakePuller();
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.items.length > 0) {
        const value = this.items.shift() as T;
        this.pushWaiters.shift()?.();
        return { value, done: false };
      }
      if (this.closed) {
        if (this.failure) {
          const { error } = this.failure;
          this.failure = undefined;
          throw error;
        }
        return { value: undefined, done: true };
      }
      await new Promise<void>((resolve) => (this.pullWaiter = resolve));
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private wakePuller(): void {
    const wake = this.pullWaiter;
    this.pullWaiter = undefined;
    wake?.();
  }
}
