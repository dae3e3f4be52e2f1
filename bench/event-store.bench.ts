// Event store benchmark: our PostgreSQL adapter vs @event-driven-io/emmett-postgresql, same server, same run.
// Run: npm run bench:event-store   (env: DATABASE_URL, BENCH_WRITERS, BENCH_SINGLE_APPENDS, BENCH_BATCH_APPENDS)
import os from 'node:os';
import { dumbo } from '@event-driven-io/dumbo';
import { STREAM_DOES_NOT_EXIST, type ExpectedStreamVersion } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { Client } from 'pg';
import {
  PostgresEventStore,
  runEventStoreMigrations,
  silentLogger,
  type ExpectedRevision,
  type Position,
} from '@samad/event-store';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/samad_bench';
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const SINGLE_APPENDS_PER_WRITER = Number(process.env.BENCH_SINGLE_APPENDS ?? 2500);
const BATCH_APPENDS_PER_WRITER = Number(process.env.BENCH_BATCH_APPENDS ?? 400);
const BATCH_SIZE = 10;
const STREAMS_PER_WRITER = 250;
const READ_PAGE = 1000;

/** What one side of the comparison must do; each side tracks its own expected revisions. */
interface Contender {
  readonly name: string;
  append(writer: number, stream: string, events: number): Promise<void>;
  readAll(): Promise<number>;
  close(): Promise<void>;
}

// A realistic registration payload (~450 bytes of JSON, Persian text included).
const payload = (n: number) => ({
  trackingCode: String(1110000000 + n),
  kind: 'complaint',
  collective: false,
  channel: 'call-centre-111',
  county: 'Bandar Abbas',
  subject: 'water/supply-interruption',
  citizen: { nationalCode: '0012345679', name: 'مریم احمدی', mobile: '09171234567' },
  description: 'قطعی مکرر آب شرب در محله در سه روز گذشته؛ لطفاً پیگیری فرمایید.',
  registeredBy: { id: 'operator-17', role: 'operator' },
  occurredAt: '2025-03-01T06:30:00.000Z',
});
const metadata = { correlationId: 'bench', causationId: 'bench', actor: { id: 'operator-17', role: 'operator' } };

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const databaseName = (url: string): string => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));

const admin = async <T>(url: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const recreateDatabase = (url: string, name: string) =>
  admin(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });

const createDatabaseIfMissing = (url: string, name: string) =>
  admin(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  });

const ours = async (url: string): Promise<Contender & { commits: () => number }> => {
  let commits = 0;
  const store = new PostgresEventStore({
    connectionString: url,
    logger: silentLogger,
    batching: { onCommitted: () => (commits += 1) },
  });
  const revisions = new Map<string, ExpectedRevision>();
  return {
    name: 'samad (ours)',
    commits: () => commits,
    async append(_writer, stream, count) {
      const events = Array.from({ length: count }, (_, n) => ({ type: 'RequestRegistered', data: payload(n), metadata }));
      const result = await store.appendToStream(stream, events, { expectedRevision: revisions.get(stream) ?? 'no_stream' });
      revisions.set(stream, result.nextExpectedRevision);
    },
    async readAll() {
      let after: Position | undefined;
      let total = 0;
      for (;;) {
        const page = await store.readAll({ afterPosition: after, maxCount: READ_PAGE });
        total += page.length;
        if (page.length < READ_PAGE) return total;
        after = page[page.length - 1].position;
      }
    },
    close: () => store.close(),
  };
};

const emmett = async (url: string): Promise<Contender> => {
  const store = getPostgreSQLEventStore(url);
  const reader = dumbo({ connectionString: url });
  const versions = new Map<string, ExpectedStreamVersion<bigint>>();
  return {
    name: 'emmett-postgresql 0.42',
    async append(_writer, stream, count) {
      const events = Array.from({ length: count }, (_, n) => ({ type: 'RequestRegistered', data: payload(n), metadata }));
      const result = await store.appendToStream(stream, events, {
        expectedStreamVersion: versions.get(stream) ?? STREAM_DOES_NOT_EXIST,
      });
      versions.set(stream, result.nextExpectedStreamVersion);
    },
    async readAll() {
      let after = 0n;
      let total = 0;
      for (;;) {
        const batch = await readMessagesBatch(reader.execute, { after, batchSize: READ_PAGE });
        total += batch.messages.length;
        if (!batch.areMessagesLeft) return total;
        after = batch.currentGlobalPosition;
      }
    },
    async close() {
      await reader.close();
      await store.close();
    },
  };
};

/** WRITERS concurrent loops, each awaiting its own appends over its own streams. */
const appendWorkload = async (contender: Contender, run: string, appendsPerWriter: number, eventsPerAppend: number) => {
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; n < appendsPerWriter; n++) {
        await contender.append(writer, `${run}-w${writer}-s${n % STREAMS_PER_WRITER}`, eventsPerAppend);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events = WRITERS * appendsPerWriter * eventsPerAppend;
  return { events, seconds, perSecond: events / seconds };
};

const readWorkload = async (contender: Contender) => {
  const started = process.hrtime.bigint();
  const events = await contender.readAll();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, seconds, perSecond: events / seconds };
};

const checkpoint = (url: string) => admin(url, (client) => client.query('CHECKPOINT'));

const format = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  const ourDatabase = databaseName(url);
  const emmettDatabase = `${ourDatabase}_emmett`;
  if (!/bench/.test(ourDatabase) && process.env.BENCH_ALLOW_RESET !== '1') {
    throw new Error(`Refusing to reset "${ourDatabase}": use a database named *bench* or set BENCH_ALLOW_RESET=1`);
  }
  await createDatabaseIfMissing(url, ourDatabase);
  // Fresh on both sides: our schema dropped and migrated, emmett in its own freshly created database.
  const reset = new Client({ connectionString: url });
  await reset.connect();
  await reset.query('DROP SCHEMA IF EXISTS event_store CASCADE');
  const { rows } = await reset.query<{ version: string }>('SHOW server_version');
  await reset.end();
  await runEventStoreMigrations(url);
  await recreateDatabase(url, emmettDatabase);
  const emmettUrl = withDatabase(url, emmettDatabase);

  const ourSide = await ours(url);
  const theirSide = await emmett(emmettUrl);
  const contenders: Contender[] = [theirSide, ourSide];

  // Warm-up: schema auto-migration (emmett), connections, JIT.
  for (const contender of contenders) await appendWorkload(contender, `warmup-${contender.name.length}`, 50, 1);

  console.log(
    `Event store benchmark — ${os.cpus().length} cores, Node ${process.version}, PostgreSQL ${rows[0].version}, ` +
      `${WRITERS} concurrent writers, ${STREAMS_PER_WRITER} streams each`,
  );
  const results: Array<{ workload: string; theirs: number; ours: number; events: number }> = [];
  const measure = async (workload: string, run: (contender: Contender) => Promise<{ perSecond: number; events: number }>) => {
    const figures: number[] = [];
    let events = 0;
    for (const contender of contenders) {
      await checkpoint(url);
      const result = await run(contender);
      figures.push(result.perSecond);
      events = result.events;
      console.log(`  ${workload} — ${contender.name}: ${format(result.perSecond)} events/s (${format(result.events)} events)`);
    }
    results.push({ workload, theirs: figures[0], ours: figures[1], events });
  };

  const commitsBefore = ourSide.commits();
  await measure(`single-event appends, ${WRITERS} writers`, (c) => appendWorkload(c, 'single', SINGLE_APPENDS_PER_WRITER, 1));
  const singleCommits = ourSide.commits() - commitsBefore;
  await measure(`${BATCH_SIZE}-event appends, ${WRITERS} writers`, (c) =>
    appendWorkload(c, 'batch', BATCH_APPENDS_PER_WRITER, BATCH_SIZE),
  );
  await measure('read all (pages of 1,000)', (c) => readWorkload(c));

  const rowsOut = results.map((r) => [r.workload, format(r.theirs), format(r.ours), `${(r.ours / r.theirs).toFixed(2)}×`]);
  const header = ['workload', 'emmett-postgresql (events/s)', 'samad (events/s)', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rowsOut.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rowsOut.forEach((row) => console.log(line(row)));
  console.log('');
  console.log(
    `samad group commit: ${format(SINGLE_APPENDS_PER_WRITER * WRITERS)} single-event appends in ${format(singleCommits)} ` +
      `transactions (${(SINGLE_APPENDS_PER_WRITER * WRITERS / Math.max(singleCommits, 1)).toFixed(1)} appends per commit)`,
  );
  const bestAppend = Math.max(results[0].ours, results[1].ours);
  const verdicts = results.map((r) => `${r.workload}: ${r.ours >= r.theirs ? 'ok' : 'BELOW'} ≥1.0× emmett`);
  console.log(`targets: ${verdicts.join('; ')}; best append ${format(bestAppend)} events/s ${bestAppend >= 15000 ? '≥' : '<'} 15,000`);

  for (const contender of contenders) await contender.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
