// Event store benchmark: our PostgreSQL adapter vs @event-driven-io/emmett-postgresql, same server, same run.
// Run: npm run bench:event-store (env: DATABASE_URL, BENCH_ROUNDS, BENCH_WRITERS, BENCH_MANY_WRITERS,
// BENCH_SINGLE_APPENDS, BENCH_BATCH_APPENDS).
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
const SINGLE_APPENDS_PER_WRITER = Number(process.env.BENCH_SINGLE_APPENDS ?? 1200);
const BATCH_APPENDS_PER_WRITER = Number(process.env.BENCH_BATCH_APPENDS ?? 250);
const MANY_WRITERS = Number(process.env.BENCH_MANY_WRITERS ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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
const metadata = {
  correlationId: 'bench',
  causationId: 'bench',
  actor: { id: 'operator-17', role: 'operator' },
};

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
      const events = Array.from({ length: count }, (_, n) => ({
        type: 'RequestRegistered',
        data: payload(n),
        metadata,
      }));
      const result = await store.appendToStream(stream, events, {
        expectedRevision: revisions.get(stream) ?? 'no_stream',
      });
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
      const events = Array.from({ length: count }, (_, n) => ({
        type: 'RequestRegistered',
        data: payload(n),
        metadata,
      }));
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

/** `writers` concurrent loops, each awaiting its own appends over its own streams. */
const appendWorkload = async (
  contender: Contender,
  run: string,
  writers: number,
  appendsPerWriter: number,
  eventsPerAppend: number,
) => {
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; n < appendsPerWriter; n++) {
        await contender.append(writer, `${run}-w${writer}-s${n % STREAMS_PER_WRITER}`, eventsPerAppend);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events = writers * appendsPerWriter * eventsPerAppend;
  return { events, perSecond: events / seconds };
};

const readWorkload = async (contender: Contender) => {
  const started = process.hrtime.bigint();
  const events = await contender.readAll();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, perSecond: events / seconds };
};

// Same conditions for each measurement: no autovacuum mid-run, statistics fresh, dirty pages flushed.
const settle = async (urls: readonly string[]) => {
  for (const url of urls) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind = 'r' AND n.nspname IN ('event_store', 'public')`,
      );
      for (const { name } of rows) {
        await client.query(`ALTER TABLE ${name} SET (autovacuum_enabled = off)`);
        await client.query(`VACUUM ANALYZE ${name}`);
      }
      await client.query('CHECKPOINT');
    } finally {
      await client.end();
    }
  }
};

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Workload {
  readonly name: string;
  readonly run: (contender: Contender, round: number) => Promise<{ perSecond: number; events: number }>;
}

async function main(): Promise<void> {
  const benchStarted = Date.now();
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  const ourDatabase = databaseName(url);
  const emmettDatabase = `${ourDatabase}_emmett`;
  if (!/bench/.test(ourDatabase) && process.env.BENCH_ALLOW_RESET !== '1') {
    throw new Error(
      `Refusing to reset "${ourDatabase}": use a database named *bench* or set BENCH_ALLOW_RESET=1`,
    );
  }
  await createDatabaseIfMissing(url, ourDatabase);
  // Fresh on both sides: our schema dropped and migrated, emmett in its own freshly created database.
  const reset = new Client({ connectionString: url });
  await reset.connect();
  await reset.query('DROP SCHEMA IF EXISTS event_store CASCADE');
  const { rows } = await reset.query<{ server_version: string }>('SHOW server_version');
  await reset.end();
  await runEventStoreMigrations(url);
  await recreateDatabase(url, emmettDatabase);
  const emmettUrl = withDatabase(url, emmettDatabase);

  const ourSide = await ours(url);
  const theirSide = await emmett(emmettUrl);
  const contenders: Contender[] = [theirSide, ourSide];

  // Warm-up: schema auto-migration (emmett), connections, JIT.
  for (const contender of contenders) await appendWorkload(contender, 'warmup', WRITERS, 50, 1);

  console.log(
    `Event store benchmark: ${os.cpus().length} cores, Node ${process.version}, PostgreSQL ${rows[0].server_version}; ` +
      `${ROUNDS} rounds, order alternating, median reported`,
  );
  const workloads: Workload[] = [
    {
      name: `single-event appends, ${WRITERS} writers`,
      run: (c, round) => appendWorkload(c, `single${round}`, WRITERS, SINGLE_APPENDS_PER_WRITER, 1),
    },
    {
      name: `${BATCH_SIZE}-event appends, ${WRITERS} writers`,
      run: (c, round) => appendWorkload(c, `batch${round}`, WRITERS, BATCH_APPENDS_PER_WRITER, BATCH_SIZE),
    },
    { name: 'read all (pages of 1,000)', run: (c) => readWorkload(c) },
    {
      name: `single-event appends, ${MANY_WRITERS} writers (extra)`,
      run: (c, round) =>
        appendWorkload(
          c,
          `many${round}`,
          MANY_WRITERS,
          (SINGLE_APPENDS_PER_WRITER * WRITERS) / MANY_WRITERS,
          1,
        ),
    },
  ];
  const figures = new Map<string, { theirs: number[]; ours: number[] }>();
  let singleCommits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const workload of workloads) {
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const contender of order) {
        await settle([url, emmettUrl]);
        const commitsBefore = ourSide.commits();
        const result = await workload.run(contender, round);
        if (contender === ourSide && workload === workloads[0])
          singleCommits += ourSide.commits() - commitsBefore;
        const entry = figures.get(workload.name) ?? { theirs: [], ours: [] };
        (contender === ourSide ? entry.ours : entry.theirs).push(result.perSecond);
        figures.set(workload.name, entry);
        console.log(
          `  round ${round + 1}: ${workload.name}, ${contender.name}: ${format(result.perSecond)} events/s ` +
            `(${format(result.events)} events)`,
        );
      }
    }
  }

  const results = [...figures].map(([workload, f]) => ({
    workload,
    theirs: median(f.theirs),
    ours: median(f.ours),
  }));
  const rowsOut = results.map((r) => [
    r.workload,
    format(r.theirs),
    format(r.ours),
    `${(r.ours / r.theirs).toFixed(2)}×`,
  ]);
  const header = ['workload (median events/s)', 'emmett-postgresql 0.42', 'samad', 'samad ÷ emmett'];
  const widths = header.map((h, i) => Math.max(h.length, ...rowsOut.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rowsOut.forEach((row) => console.log(line(row)));
  console.log('');
  const singleAppends = SINGLE_APPENDS_PER_WRITER * WRITERS * ROUNDS;
  console.log(
    `samad group commit (${WRITERS} writers, single events): ${(singleAppends / Math.max(singleCommits, 1)).toFixed(1)} ` +
      'appends per transaction',
  );
  const bestAppend = Math.max(...results.filter((r) => !r.workload.startsWith('read')).map((r) => r.ours));
  const verdicts = results.map(
    (r) => `${r.workload}: ${(r.ours / r.theirs).toFixed(2)}×${r.ours >= r.theirs ? '' : ' (BELOW 1.0×)'}`,
  );
  console.log(`vs emmett: ${verdicts.join('; ')}`);
  console.log(
    `best append throughput ${format(bestAppend)} events/s (${bestAppend >= 15000 ? 'meets' : 'below'} 15,000)`,
  );

  for (const contender of contenders) await contender.close();
  console.log(`(${((Date.now() - benchStarted) / 1000).toFixed(0)} s in all)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
