// One LISTEN connection per store, shared by its subscriptions; reconnects by itself.
import { Client, type ClientConfig, type Notification } from 'pg';
import { errorMessage, type EventStoreLogger } from '../support/logger';

export type NotificationHandler = (payload: string) => void;

export class NotificationListener {
  private readonly handlers = new Set<NotificationHandler>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly clientConfig: ClientConfig,
    private readonly channel: string,
    private readonly logger: EventStoreLogger,
    private readonly reconnectDelayMs = 1000,
  ) {}

  /** Registers a handler and connects if needed; returns the unsubscribe function. */
  listen(handler: NotificationHandler): () => void {
    this.handlers.add(handler);
    this.ensureConnected();
    return () => {
      this.handlers.delete(handler);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private ensureConnected(): void {
    if (this.closed || this.client || this.connecting || this.retryTimer) return;
    this.connecting = this.connect().finally(() => (this.connecting = undefined));
  }

  private async connect(): Promise<void> {
    const client = new Client(this.clientConfig);
    client.on('notification', (message: Notification) => this.emit(message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn('LISTEN connection failed; subscriptions fall back to polling until it is back', {
        error: errorMessage(error),
      });
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      this.logger.warn('Could not LISTEN; retrying', { error: errorMessage(error) });
      await client.end().catch(() => undefined);
      this.lost(client);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Anything committed while we were not listening went unannounced: make every subscriber poll once.
    this.emit('');
  }

  private lost(client: Client): void {
    if (this.client === client) this.client = undefined;
    if (this.closed || this.retryTimer || this.handlers.size === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.ensureConnected();
    }, this.reconnectDelayMs);
  }

  private emit(payload: string): void {
    for (const handler of this.handlers) handler(payload);
  }
}
