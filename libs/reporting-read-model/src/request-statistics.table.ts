import { REQUEST_STATISTICS_COLUMNS, type RequestStatisticsRow } from './request-statistics.row';

/** Anything that runs a parameterised query: a pg Pool or client, or a TypeORM EntityManager. */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/** Rows of `pg`'s result, whatever the caller passed (pg returns `{ rows }`, TypeORM the rows themselves). */
export async function rowsOf<T>(db: Queryable, text: string, params?: unknown[]): Promise<T[]> {
  const result = (await db.query(text, params)) as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** The live table; a rebuild writes the same shape into a shadow schema. */
export const LIVE_REQUESTS_TABLE = 'reporting.requests';

const NAMES = REQUEST_STATISTICS_COLUMNS.map(([name]) => name);
const COLUMN_LIST = NAMES.join(', ');
const UNNEST = REQUEST_STATISTICS_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
const UPDATE_SET = NAMES.filter((n) => n !== 'tracking_code')
  .map((n) => `${n} = excluded.${n}`)
  .join(', ');

const upsertSql = (table: string): string =>
  `INSERT INTO ${table} (${COLUMN_LIST})
   SELECT * FROM unnest(${UNNEST})
   ON CONFLICT (tracking_code) DO UPDATE SET ${UPDATE_SET}`;

const insertSql = (table: string): string =>
  `INSERT INTO ${table} (${COLUMN_LIST})
   SELECT * FROM unnest(${UNNEST})`;

/** Most rows per statement: 23 arrays of this many values stay well inside one message. */
export const WRITE_CHUNK = 5000;

/** Writes whole rows, many per statement (one array per column, unnest on the server): the rebuild's bulk path. */
export async function writeRequestStatistics(
  db: Queryable,
  table: string,
  rows: readonly RequestStatisticsRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
    const chunk = rows.slice(start, start + WRITE_CHUNK);
    const columns = NAMES.map((name) => chunk.map((row) => row[name]));
    await db.query(upsertSql(table), columns);
  }
}

/**
 * Inserts rows known to be new (a rebuild's fold, one row per request) into a table that may have no unique
 * index yet: no conflict check, so the shadow table can be filled first and indexed once afterwards.
 */
export async function insertRequestStatistics(
  db: Queryable,
  table: string,
  rows: readonly RequestStatisticsRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
    const chunk = rows.slice(start, start + WRITE_CHUNK);
    await db.query(
      insertSql(table),
      NAMES.map((name) => chunk.map((row) => row[name])),
    );
  }
}

/**
 * The live table's indexes and unique constraints, built on a copy filled without them (one sort per index
 * instead of a B-tree insert per row per index). Same names: they live in the copy's own schema.
 */
export async function copyIndexesOf(db: Queryable, from: string, to: string): Promise<void> {
  const constraints = await rowsOf<{ name: string; def: string }>(
    db,
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x')`,
    [from],
  );
  for (const c of constraints) await db.query(`ALTER TABLE ${to} ADD CONSTRAINT ${c.name} ${c.def}`);
  const indexes = await rowsOf<{ def: string }>(
    db,
    `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [from],
  );
  for (const { def } of indexes) await db.query(def.replace(` ON ${from} `, ` ON ${to} `));
}

/** One row as the live consumer keeps it, read inside its transaction (locked against a concurrent writer). */
export async function readRequestStatisticsForUpdate(
  db: Queryable,
  table: string,
  trackingCode: string,
): Promise<RequestStatisticsRow | undefined> {
  const [row] = await rowsOf<RequestStatisticsRow>(
    db,
    `SELECT ${COLUMN_LIST} FROM ${table} WHERE tracking_code = $1 FOR UPDATE`,
    [trackingCode],
  );
  return row;
}

/** A table shaped like the live one (columns, defaults, indexes, constraints), e.g. in a shadow schema. */
export const createRequestsTableLike = (table: string, temporary = false, withoutIndexes = false): string =>
  `CREATE ${temporary ? 'TEMP ' : ''}TABLE ${table} (LIKE ${LIVE_REQUESTS_TABLE} INCLUDING ALL${
    withoutIndexes ? ' EXCLUDING INDEXES' : ''
  })`;
