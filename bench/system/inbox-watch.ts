import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

/**
 * Watches agency.inbox (joined with agency.request_details, as the inbox API reads it) for the tracking
 * codes the bench registered, polling every `intervalMs`, and records how long after its 201 each showed.
 */
export class InboxWatch {
  private readonly pending = new Map<string, number>();
  readonly arrivalsMs: number[] = [];
  private timer?: NodeJS.Timeout;
  private polling = false;
  polls = 0;

  private constructor(
    private readonly sql: Client,
    private readonly intervalMs: number,
  ) {}

  static async open(databaseUrl: string, intervalMs: number): Promise<InboxWatch> {
    const sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
    await sql.query('SELECT 1 FROM agency.inbox LIMIT 1');
    return new InboxWatch(sql, intervalMs);
  }

  /** Called the moment the 201 arrived. */
  accepted(trackingCode: string, at: number): void {
    this.pending.set(trackingCode, at);
    if (!this.timer) this.schedule();
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Waits until every accepted code arrived or `graceMs` passed; returns how many never arrived. */
  async drain(graceMs: number): Promise<number> {
    const deadline = performance.now() + graceMs;
    while (this.pending.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const lost = this.pending.size;
    this.pending.clear();
    return lost;
  }

  /** Arrivals so far, and a fresh list for the next step. */
  takeArrivals(): number[] {
    return this.arrivalsMs.splice(0);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.polling) await new Promise((r) => setTimeout(r, 10));
    await this.sql.end();
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.poll(), this.intervalMs);
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      if (this.pending.size > 0) {
        this.polls += 1;
        const { rows } = await this.sql.query<{ tracking_code: string }>(
          `SELECT i.tracking_code FROM agency.inbox i JOIN agency.request_details d USING (tracking_code)
            WHERE i.tracking_code = ANY($1::text[])`,
          [[...this.pending.keys()]],
        );
        const now = performance.now();
        for (const { tracking_code } of rows) {
          const at = this.pending.get(tracking_code);
          if (at === undefined) continue;
          this.arrivalsMs.push(now - at);
          this.pending.delete(tracking_code);
        }
      }
    } finally {
      this.polling = false;
    }
    this.timer = this.pending.size > 0 ? setTimeout(() => void this.poll(), this.intervalMs) : undefined;
  }
}
