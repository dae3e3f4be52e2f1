import { Pool } from 'pg';
import type { AttachmentStorage } from './attachment-storage.port';

/** The default storage: one bytea row per attachment in personal_data.attachment_contents. */
export class PostgresAttachmentStorage implements AttachmentStorage {
  readonly kind = 'postgres';
  private readonly pool: Pool;

  constructor(connectionString: string, options: { poolSize?: number; applicationName?: string } = {}) {
    this.pool = new Pool({
      connectionString,
      max: options.poolSize ?? 4,
      application_name: options.applicationName ?? 'samad-attachments',
    });
    this.pool.on('error', () => undefined);
  }

  async put(id: string, sealed: Buffer): Promise<void> {
    await this.pool.query(
      `INSERT INTO personal_data.attachment_contents (id, content) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`,
      [id, sealed],
    );
  }

  async get(id: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ content: Buffer }>(
      `SELECT content FROM personal_data.attachment_contents WHERE id = $1`,
      [id],
    );
    return rows[0]?.content;
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query(`DELETE FROM personal_data.attachment_contents WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
