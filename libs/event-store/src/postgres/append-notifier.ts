// Tells listeners (any process) that events committed: debounced, outside the append transaction (ADR 0003).
import { errorMessage, type EventStoreLogger } from '../support/logger';

export const APPEND_CHANNEL = 'event_store_appended';

export class AppendNotifier {
  private pendingTransactionId: bigint | undefined;
  private sending: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = 0;

  constructor(
    private readonly send: (payload: string) => Promise<void>,
    private readonly minIntervalMs: number,
    private readonly logger: EventStoreLogger,
  ) {}

  /** The payload is the highest committed transaction id: a listener keeps polling until it can see it. */
  committed(transactionId: bigint): void {
    if (this.pendingTransactionId === undefined || transactionId > this.pendingTransactionId) {
      this.pendingTransactionId = transactionId;
    }
    this.pump();
  }

  /** Sends what is pending now, then waits for it. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastSentAt = 0;
    await this.sending;
    this.pump();
    await this.sending;
  }

  private pump(): void {
    if (this.sending || this.timer || this.pendingTransactionId === undefined) return;
    const wait = this.lastSentAt + this.minIntervalMs - Date.now();
    if (wait > 0) {
      // Trailing edge: at most one NOTIFY per interval, and the last commit is never left unannounced.
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    const payload = this.pendingTransactionId.toString();
    this.pendingTransactionId = undefined;
    this.lastSentAt = Date.now();
    this.sending = this.send(payload)
      .catch((error: unknown) => {
        // Listeners also poll slowly, so a lost NOTIFY only delays them.
        this.logger.warn('NOTIFY after append failed', { error: errorMessage(error) });
      })
      .finally(() => {
        this.sending = undefined;
        this.pump();
      });
  }
}
