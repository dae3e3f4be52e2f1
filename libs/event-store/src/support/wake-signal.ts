// A sticky wake-up: a fire() that lands while nobody waits is kept for the next wait().
export class WakeSignal {
  private pending = false;
  private waiter: (() => void) | undefined;

  fire(): void {
    this.pending = true;
    const wake = this.waiter;
    this.waiter = undefined;
    wake?.();
  }

  /** Resolves on fire() or after timeoutMs, whichever comes first. */
  async wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiter = done;
    });
    this.waiter = undefined;
    this.pending = false;
  }
}
