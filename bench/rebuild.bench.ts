// Rebuild benchmark: the reporting read model rebuilt from a store of 500,000+ events by `samad rebuild`'s engine
// (pages of the store folded in memory, rows written with multi-row unnest upserts), side by side with a naive
// replay of one event per transaction (what the live consumer does per message) in the same run.
// Run: npm run bench:rebuild (env: BENCH_DATABASE_URL, BENCH_EVENTS, BENCH_NAIVE_EVENTS).
import os from 'node:os';
import { PostgresEventStore, runEventStoreMigrations, silentLogger } from '@samad/event-store';
import {
  asIntegrationEvent,
  createRequestsTableLike,
  evolveRequestStatistics,
  fingerprint,
  readRequestStatisticsForUpdate,
  readEventPage,
  rebuildRequestStatistics,
  writeRequestStatistics,
} from '@samad/reporting-read-model';
import { handleRequestCommand } from '@samad/request-application';
import { requestStreamName, trackingCodeFromNumber, type RequestCommand } from '@samad/request-lifecycle';
import { migrateSchema } from '@samad/schema-migrations';
import { Client, Pool } from 'pg';
import { reportingMigrations } from '../apps/reporting/src/infrastructure/reporting.migrations';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad_rebuild_bench';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500_000);
const NAIVE_EVENTS = Number(process.env.BENCH_NAIVE_EVENTS ?? 3_000);
const CLONE_CHUNK = 10_000;

const databaseName = (url: string): string => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!name.includes('bench'))
    throw new Error(`refusing to reset ${name}: the bench database must be named *bench*`);
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

const citizen = { nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' };
type Step = (code: string, now: Date) => RequestCommand;
const register: Step = (trackingCode, now) => ({
  type: 'RegisterRequest',
  data: {
    trackingCode,
    now,
    kind: 'complaint',
    channel: 'phone',
    collective: false,
    citizens: [citizen],
    countyCode: 'BND',
    categoryCode: 'WAT-CUT',
    description: 'سه روز است که در محله‌ی ما آب قطع است',
    registeredBy: 'operator-7',
  },
});
const route =
  (agencyCode: string): Step =>
  (trackingCode, now) => ({
    type: 'RouteToAgency',
    data: {
      trackingCode,
      now,
      agencyCode,
      dueAt: new Date(now.getTime() + 3 * 86_400_000),
      routedBy: 'rules',
      ruleId: 'bench-rule',
    },
  });
const simple =
  (type: string, extra: object = {}): Step =>
  (trackingCode, now) =>
    ({ type, data: { trackingCode, now, ...extra } }) as RequestCommand;

// Three life stories, cloned over and over: answered and closed, returned and re-routed, waiting for a person.
const TEMPLATES: Step[][] = [
  [
    register,
    route('ABFA'),
    simple('Acknowledge', { agencyCode: 'ABFA' }),
    simple('ReferInsideAgency', { agencyCode: 'ABFA', unit: 'network' }),
    simple('RecordFollowUp', { note: 'تماس دوباره شهروند', channel: 'phone' }),
    simple('Answer', { agencyCode: 'ABFA', outcome: 'positive', text: 'لوله تعمیر شد' }),
    simple('Close', { reason: 'answered' }),
  ],
  [
    register,
    route('ABFA'),
    simple('ReturnAsNotResponsible', { agencyCode: 'ABFA', reason: 'در حوزه‌ی ما نیست' }),
    route('BARGH'),
    simple('Acknowledge', { agencyCode: 'BARGH' }),
  ],
  [register, simple('MarkAwaitingManualRouting', { reason: 'no rule' })],
];

/** Writes the templates through the real application layer, then clones their rows with SQL (fast, same shapes). */
async function seed(pool: Pool): Promise<number> {
  const store = new PostgresEventStore({ pool, logger: silentLogger });
  const templateStreams: string[] = [];
  for (const [index, steps] of TEMPLATES.entries()) {
    const code = trackingCodeFromNumber(899_000_000 + index);
    let now = new Date('2026-11-01T06:00:00Z');
    for (const step of steps) {
      await handleRequestCommand(store, step(code, now), { actor: { id: 'bench', role: 'operator' } });
      now = new Date(now.getTime() + 3_600_000);
    }
    templateStreams.push(requestStreamName(code));
  }
  await store.close();
  const { rows } = await pool.query<{ events: number }>(
    `SELECT count(*)::int AS events FROM event_store.events WHERE stream_id = ANY($1)`,
    [templateStreams],
  );
  const perRound = rows[0].events;
  const rounds = Math.ceil(EVENTS / perRound);
  let next = 100_000_000;
  for (let start = 0; start < rounds; start += CLONE_CHUNK) {
    const count = Math.min(CLONE_CHUNK, rounds - start);
    for (const stream of templateStreams) {
      const codes = Array.from({ length: count }, () => trackingCodeFromNumber(next++));
      // One statement per chunk: new codes and ids, the template's types, data and times, in stream order.
      await pool.query(
        `INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, hash)
         SELECT 'request-' || c.code, t.stream_revision, gen_random_uuid(), t.event_type,
                CASE WHEN t.data ? 'trackingCode' THEN jsonb_set(t.data, '{trackingCode}', to_jsonb(c.code)) ELSE t.data END,
                t.metadata, t.recorded_at + make_interval(secs => c.n), t.hash
           FROM unnest($1::text[]) WITH ORDINALITY AS c(code, n)
          CROSS JOIN event_store.events t
          WHERE t.stream_id = $2
          ORDER BY c.n, t.stream_revision`,
        [codes, stream],
      );
    }
  }
  await pool.query('VACUUM ANALYZE event_store.events');
  const total = await pool.query<{ events: number }>(
    'SELECT count(*)::int AS events FROM event_store.events',
  );
  return total.rows[0].events;
}

/** The naive peer: read the store in the same pages, then one transaction per event (read row, evolve, write). */
async function naiveReplay(pool: Pool, limit: number): Promise<{ events: number; seconds: number }> {
  const table = 'naive.requests';
  await pool.query('DROP SCHEMA IF EXISTS naive CASCADE');
  await pool.query('CREATE SCHEMA naive');
  await pool.query(createRequestsTableLike(table));
  const recorded = await readEventPage(pool, undefined, limit);
  const client = await pool.connect();
  const started = process.hrtime.bigint();
  try {
    for (const stored of recorded) {
      const event = asIntegrationEvent(stored);
      if (!event) continue;
      await client.query('BEGIN');
      const code = (event.data as { trackingCode: string }).trackingCode;
      const step = evolveRequestStatistics(await readRequestStatisticsForUpdate(client, table, code), event);
      if (step.kind === 'insert' || step.kind === 'update')
        await writeRequestStatistics(client, table, [step.row]);
      await client.query('COMMIT');
    }
  } finally {
    client.release();
  }
  return { events: recorded.length, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function main(): Promise<void> {
  console.log(
    `rebuild bench: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`,
  );
  await recreateDatabase(URL_);
  await runEventStoreMigrations(URL_);
  await migrateSchema(URL_, { schema: 'reporting', migrations: reportingMigrations });
  const pool = new Pool({ connectionString: URL_, max: 2 });
  try {
    const seedStarted = Date.now();
    const events = await seed(pool);
    console.log(`seeded ${events} events in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const report = await rebuildRequestStatistics(pool);
    const fast = report.eventsRead / report.seconds;
    console.log(
      `rebuild (fold in memory, unnest inserts, indexes after): ${report.eventsRead} events -> ${report.rows} rows in ${report.seconds.toFixed(2)} s = ${Math.round(fast)} events/s`,
    );
    const shadow = await fingerprint(pool, `${report.shadowSchema}.requests`);
    console.log(`shadow table: ${shadow.rows} rows, checksum ${shadow.checksum}`);

    const naive = await naiveReplay(pool, NAIVE_EVENTS);
    const slow = naive.events / naive.seconds;
    console.log(
      `naive (one event per transaction): first ${naive.events} events in ${naive.seconds.toFixed(2)} s = ${Math.round(slow)} events/s; ` +
        `extrapolated to ${report.eventsRead} events: ${(report.eventsRead / slow).toFixed(0)} s`,
    );
    console.log(`ratio: rebuild is ${(fast / slow).toFixed(1)}x the naive replay`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
