// Leader election on a PostgreSQL session advisory lock: the lock lives exactly as long as its connection.
import { Client } from 'pg';
import type { Position } from '../event-store.port';
import { errorMessage, type EventStoreLogger } from '../support/logger';

// Two-int key space: cannot collide with the bigint keys append_batch takes per stream.
const RELAY_LOCK_NAMESPACE = 0x5a4e;

export class RelayLeaderLock {
  private client: Client | undefined;
  private lostHandlers = new Set<(reason: string) => void>();
  private heartbeat: NodeJS.Timeout | undefined;
  private held = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly relayName: string,
    private readonly applicationName: string,
    private readonly heartbeatMs: number,
    private readonly logger: EventStoreLogger,
  ) {}

  /** True when this instance became leader; false when another one holds the lock (or the database is unreachable). */
  async tryAcquire(): Promise<boolean> {
    try {
      const client = await this.connection();
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [RELAY_LOCK_NAMESPACE, this.relayName],
      );
      this.held = rows[0].locked;
    } catch (error) {
      this.logger.warn('Relay could not try the leader lock', {
        relay: this.relayName,
        error: errorMessage(error),
      });
      this.drop();
      this.held = false;
    }
    if (this.held) this.startHeartbeat();
    return this.held;
  }

  /** Called once if leadership is lost (connection died); not called on release(). */
  onLost(handler: (reason: string) => void): () => void {
    this.lostHandlers.add(handler);
    return () => this.lostHandlers.delete(handler);
  }

  /** Reads the checkpoint through the lock's own session. */
  async readCheckpoint(): Promise<Position | undefined> {
    const client = this.requireLeader();
    const { rows } = await client.query<{ commit: string; prepare: string }>(
      'SELECT "commit", prepare FROM event_store.relay_checkpoints WHERE relay_name = $1',
      [this.relayName],
    );
    return rows.length === 0
      ? undefined
      : { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) };
  }

  /** Writes through the lock's session: if that session is gone, so is our leadership, and the write fails (fencing). */
  async saveCheckpoint(position: Position): Promise<void> {
    const client = this.requireLeader();
    await client.query(
      `INSERT INTO event_store.relay_checkpoints AS c (relay_name, "commit", prepare) VALUES ($1, $2, $3)
       ON CONFLICT (relay_name) DO UPDATE SET "commit" = excluded."commit", prepare = excluded.prepare, updated_at = now()
       WHERE (c."commit", c.prepare) < (excluded."commit", excluded.prepare)`,
      [this.relayName, position.commit.toString(), position.prepare.toString()],
    );
  }

  async release(): Promise<void> {
    this.stopHeartbeat();
    const client = this.client;
    const wasHeld = this.held;
    this.held = false;
    if (client && wasHeld) {
      await client
        .query('SELECT pg_advisory_unlock($1, hashtext($2))', [RELAY_LOCK_NAMESPACE, this.relayName])
        .catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.release();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private requireLeader(): Client {
    if (!this.held || !this.client) throw new Error(`Relay ${this.relayName} is not the leader`);
    return this.client;
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.databaseUrl, application_name: this.applicationName });
    client.on('error', (error) => this.connectionLost(client, errorMessage(error)));
    client.on('end', () => this.connectionLost(client, 'connection ended'));
    await client.connect();
    this.client = client;
    return client;
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    // A silent network partition raises no 'error' until the connection is used: use it.
    this.heartbeat = setInterval(() => {
      const client = this.client;
      client?.query('SELECT 1').catch((error: unknown) => this.connectionLost(client, errorMessage(error)));
    }, this.heartbeatMs);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private connectionLost(client: Client, reason: string): void {
    if (this.client !== client) return;
    const wasHeld = this.held;
    this.drop();
    if (wasHeld) {
      this.logger.warn('Relay lost its leader lock', { relay: this.relayName, reason });
      for (const handler of this.lostHandlers) handler(reason);
    }
  }

  private drop(): void {
    this.stopHeartbeat();
    this.held = false;
    const client = this.client;
    this.client = undefined;
    void client?.end().catch(() => undefined);
  }
}
