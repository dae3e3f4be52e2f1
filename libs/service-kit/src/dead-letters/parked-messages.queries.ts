// Reading and re-driving parked messages: shared by the admin endpoints and the `dead-letters` command.

/** A TypeORM DataSource/EntityManager (answers rows) or a pg Client (answers `{ rows }`). */
type Sql = { query(sql: string, params?: unknown[]): Promise<unknown> };

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

export interface ParkedMessageSummary {
  readonly id: string;
  readonly consumer: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly reason: string;
  readonly error: string;
  readonly parkedAt: string;
  readonly attempts: number;
  readonly redriveRequestedAt: string | null;
  readonly redrivenAt: string | null;
}

export interface ParkedMessage extends ParkedMessageSummary {
  /** The original message value as UTF-8 text (or base64 when it is not text). */
  readonly value: string | null;
  readonly valueEncoding: 'utf8' | 'base64';
}

export interface ParkedFilter {
  readonly reason?: string;
  readonly eventType?: string;
  /** Include messages already re-driven. Default: only open ones. */
  readonly includeRedriven?: boolean;
  readonly limit?: number;
  /** Rows to skip (paging), after the stable order parked_at, id. */
  readonly offset?: number;
}

/** Which parked messages a re-drive asks for: by id, or every open one matching a filter. */
export type RedriveSelection =
  { readonly ids: readonly string[] } | { readonly reason?: string; readonly eventType?: string };

interface Row {
  id: string;
  consumer: string;
  topic: string;
  kafka_partition: number;
  kafka_offset: string;
  message_key: string | null;
  message_value?: Buffer | null;
  event_id: string | null;
  event_type: string | null;
  reason: string;
  error: string;
  parked_at: Date;
  attempts: number;
  redrive_requested_at: Date | null;
  redriven_at: Date | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const summaryOf = (r: Row): ParkedMessageSummary => ({
  id: r.id,
  consumer: r.consumer,
  topic: r.topic,
  partition: r.kafka_partition,
  offset: String(r.kafka_offset),
  key: r.message_key,
  eventId: r.event_id,
  eventType: r.event_type,
  reason: r.reason,
  error: r.error,
  parkedAt: r.parked_at.toISOString(),
  attempts: r.attempts,
  redriveRequestedAt: r.redrive_requested_at?.toISOString() ?? null,
  redrivenAt: r.redriven_at?.toISOString() ?? null,
});

const valueOf = (value: Buffer | null | undefined): Pick<ParkedMessage, 'value' | 'valueEncoding'> => {
  if (!value) return { value: null, valueEncoding: 'utf8' };
  try {
    return { value: utf8.decode(value), valueEncoding: 'utf8' };
  } catch {
    return { value: value.toString('base64'), valueEncoding: 'base64' };
  }
};

const COLUMNS = `id, consumer, topic, kafka_partition, kafka_offset, message_key, event_id, event_type, reason,
  error, parked_at, attempts, redrive_requested_at, redriven_at`;

export async function listParkedMessages(
  sql: Sql,
  schema: string,
  filter: ParkedFilter = {},
): Promise<ParkedMessageSummary[]> {
  const rows = rowsOf<Row>(
    await sql.query(
      `SELECT ${COLUMNS} FROM "${schema}".parked_messages
      WHERE ($1::text IS NULL OR reason = $1) AND ($2::text IS NULL OR event_type = $2)
        AND ($3::boolean OR redriven_at IS NULL)
      ORDER BY parked_at, id LIMIT $4 OFFSET $5`,
      [
        filter.reason ?? null,
        filter.eventType ?? null,
        filter.includeRedriven ?? false,
        filter.limit ?? 100,
        filter.offset ?? 0,
      ],
    ),
  );
  return rows.map(summaryOf);
}

/** How many parked messages match the filter (its limit and offset aside). */
export async function countParkedMessages(
  sql: Sql,
  schema: string,
  filter: ParkedFilter = {},
): Promise<number> {
  const [row] = rowsOf<{ total: number }>(
    await sql.query(
      `SELECT count(*)::int AS total FROM "${schema}".parked_messages
      WHERE ($1::text IS NULL OR reason = $1) AND ($2::text IS NULL OR event_type = $2)
        AND ($3::boolean OR redriven_at IS NULL)`,
      [filter.reason ?? null, filter.eventType ?? null, filter.includeRedriven ?? false],
    ),
  );
  return Number(row?.total ?? 0);
}

export async function findParkedMessage(
  sql: Sql,
  schema: string,
  id: string,
): Promise<ParkedMessage | undefined> {
  const rows = rowsOf<Row>(
    await sql.query(`SELECT ${COLUMNS}, message_value FROM "${schema}".parked_messages WHERE id = $1`, [id]),
  );
  return rows[0] && { ...summaryOf(rows[0]), ...valueOf(rows[0].message_value) };
}

/**
 * Asks the owning service to re-drive: it applies each selected open message (idempotently) and stamps it.
 * Asking twice changes nothing more. Returns the ids asked for.
 */
export async function requestRedrive(
  sql: Sql,
  schema: string,
  selection: RedriveSelection,
): Promise<string[]> {
  const byIds = 'ids' in selection;
  // As a CTE, so every client answers the returned rows the same way.
  const rows = rowsOf<{ id: string }>(
    await sql.query(
      `WITH asked AS (UPDATE "${schema}".parked_messages SET redrive_requested_at = coalesce(redrive_requested_at, now())
      WHERE redriven_at IS NULL
        AND (($1::boolean AND id = ANY($2::uuid[]))
          OR (NOT $1::boolean AND ($3::text IS NULL OR reason = $3) AND ($4::text IS NULL OR event_type = $4)))
      RETURNING id) SELECT id FROM asked ORDER BY id`,
      [
        byIds,
        byIds ? selection.ids : [],
        byIds ? null : (selection.reason ?? null),
        byIds ? null : (selection.eventType ?? null),
      ],
    ),
  );
  return rows.map((r) => r.id);
}
