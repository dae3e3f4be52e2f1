// The auditors' `samad` command against the real PostgreSQL and Kafka (ADR 0030): the compiled bin runs as a
// child process, checkpoints are signed, published to samad.audit.checkpoints and kept by reporting. Each
// tampering is undone after it is caught, so the store is whole again for the next.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Producer } from 'kafkajs';
import { Client, Pool } from 'pg';
import { loadAuditSigningKey, PostgresAuditCheckpointer, type AuditCheckpoint } from '@samad/event-store';
import { Topics } from '@samad/events';
import { formatJalaliDate, jalaliOfGregorianKey, tehranDateKey } from '@samad/request-lifecycle';
import { createKafka } from '@samad/service-kit';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { randomNationalCode } from '../../apps/intake/test/intake-test-kit';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { bearer, tokenFor } from '../support/auth';
import { repoRoot, testEnv, waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';

const run = promisify(execFile);
const samadBin = join(repoRoot, 'apps', 'auditor-cli', 'bin', 'samad.js');

/** Runs the compiled `samad` bin; never throws, returns the exit code and both outputs. */
const samad = async (
  args: string[],
  databaseUrl: string | undefined = testEnv.databaseUrl,
): Promise<{ code: number; stdout: string; stderr: string }> => {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const env = databaseUrl === undefined ? rest : { ...rest, DATABASE_URL: databaseUrl };
  try {
    const { stdout, stderr } = await run(process.execPath, [samadBin, ...args], { cwd: repoRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

// Each test runs the bin several times (a cold Node start each), and the tamper tests restore what they broke.
jest.setTimeout(300000);

describe('samad verify, state and bundles (real PostgreSQL and Kafka, the compiled bin)', () => {
  const services: Record<string, InProcessService> = {};
  let sql: Client;
  let pool: Pool;
  let producer: Producer;
  let checkpointer: PostgresAuditCheckpointer;
  const citizen = { nationalCode: randomNationalCode(), fullName: 'مریم احمدی', mobile: '09121234567' };
  let answered: string;
  let other: string;
  let beforeAnswer: string;

  const call = async (
    service: string,
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
  ) => requestJson(method, `${services[service].baseUrl}${path}`, { body, headers: auth });

  /** Issues checkpoints up to every committed event and waits until reporting has kept the last one. */
  const checkpoint = async (): Promise<AuditCheckpoint> => {
    const issued = (await checkpointer.issueUpToDate())!;
    await waitFor('reporting keeps the checkpoint', async () => {
      const { rows } = await sql.query('SELECT 1 FROM reporting.audit_checkpoints WHERE sequence = $1', [
        issued.sequence,
      ]);
      return rows.length === 1 ? true : undefined;
    });
    return issued;
  };

  const register = async (): Promise<string> => {
    // The first request to a just-started service on a cold machine can see its socket reset: warm up first.
    await waitFor('intake answers', async () =>
      (await call('intake', 'GET', '/health/ready', {}).catch(() => undefined)) ? true : undefined,
    );
    const operator = await bearer('operator');
    const res = await waitFor('registration answered', () =>
      call('intake', 'POST', '/api/requests', operator, {
        channel: 'phone',
        kind: 'complaint',
        collective: false,
        citizens: [citizen],
        countyCode: 'BND',
        categoryCode: 'WAT-CUT',
        description: 'آب محله از دیروز قطع است',
      }).catch(() => undefined),
    );
    expect(res.status).toBe(201);
    return res.body.trackingCode as string;
  };

  const inboxStatus = async (code: string): Promise<string | undefined> => {
    const res = await call(
      'agency',
      'GET',
      `/api/agency/inbox?status=all&trackingCode=${code}`,
      await bearer('agency_staff', { agency: 'ABFA' }),
    );
    return (res.body.items as Json[]).find((i) => i.trackingCode === code)?.status as string | undefined;
  };

  beforeAll(async () => {
    services.intake = await startInProcess('intake', (config) => IntakeModule.register(config));
    services.routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    services.agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    services.reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
    sql = new Client({ connectionString: testEnv.databaseUrl });
    await sql.connect();
    pool = new Pool({ connectionString: testEnv.databaseUrl, max: 2 });
    producer = createKafka({
      kafkaBrokers: testEnv.kafkaBrokers,
      kafkaClientId: 'samad-test-audit',
    }).producer();
    await producer.connect();
    checkpointer = new PostgresAuditCheckpointer({
      pool,
      signingKey: loadAuditSigningKey(),
      publish: async (message) => {
        await producer.send({
          topic: Topics.auditCheckpoints,
          messages: [{ value: JSON.stringify(message) }],
        });
      },
    });

    // One request answered by ABFA, another left routed.
    answered = await register();
    other = await register();
    const abfa = await bearer('agency_staff', { agency: 'ABFA' });
    await waitFor('routed to ABFA', async () => ((await inboxStatus(answered)) ? true : undefined));
    await waitFor('routed to ABFA', async () => ((await inboxStatus(other)) ? true : undefined));
    const { rows } = await sql.query(
      `SELECT transaction_id::text || ':' || global_position AS position FROM event_store.events
        WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1`,
      [`request-${answered}`],
    );
    beforeAnswer = rows[0].position;
    const res = await call('agency', 'POST', `/api/agency/requests/${answered}/answer?agency=ABFA`, abfa, {
      outcome: 'positive',
      text: 'لوله اصلی تعمیر شد و آب وصل است.',
    });
    expect(res.status).toBeLessThan(300);
    await waitFor('answered', async () => ((await inboxStatus(answered)) === 'answered' ? true : undefined));
    await checkpoint();
  }, 180000);

  afterAll(async () => {
    for (const service of Object.values(services)) await service.close();
    await producer?.disconnect();
    await pool?.end();
    await sql?.end();
  }, 60000);

  it('passes on the untouched store, naming the checkpoint it checked against', async () => {
    const result = await samad(['verify', '--all', '--lang', 'en']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^OK: \d+ events verified; \d+ covered by signed checkpoint #\d+/);
    expect(result.code).toBe(0);
  });

  /** Starts a whole-store verification over HTTP and follows it to its end. */
  const verifyOverHttp = async (): Promise<Json> => {
    const auditor = await bearer('auditor');
    const started = await call('reporting', 'POST', '/api/audit/verifications', auditor);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/audit/verifications/${String(started.body.id)}`);
    return waitFor(
      'the verification job ends',
      async () => {
        const job = await call(
          'reporting',
          'GET',
          `/api/audit/verifications/${String(started.body.id)}`,
          auditor,
        );
        expect(job.status).toBe(200);
        return job.body.status === 'running' ? undefined : job.body;
      },
      { timeoutMs: 120000, intervalMs: 300 },
    );
  };

  it('answers the auditor over HTTP: checkpoints, a verification job, the state as of a moment, a bundle', async () => {
    const auditor = await bearer('auditor');
    const listed = await call('reporting', 'GET', '/api/audit/checkpoints?pageSize=2', auditor);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(listed.body.total as number).toBeGreaterThanOrEqual(1);
    const [latest] = listed.body.items as Json[];
    expect(latest).toMatchObject({
      sequence: expect.any(Number),
      treeSize: expect.any(Number),
      root: expect.stringMatching(/^[0-9a-f]{64}$/),
      signature: expect.any(String),
      issuedAtJalali: expect.stringMatching(/[۰-۹]{4}/),
    });

    const job = await verifyOverHttp();
    expect(job).toMatchObject({ status: 'passed', problem: null, requestedBy: expect.any(String) });
    expect(job.checked).toBe(job.total);
    expect(job.covered as number).toBeGreaterThan(0);
    expect(job.percent).toBe(100);

    // The state as it stood long ago (nothing yet), and now (answered); a bad moment is named.
    const before = await call('reporting', 'GET', `/api/requests/${answered}/state?asOf=1400/01/01`, auditor);
    expect(before.body).toMatchObject({ registered: false, eventsApplied: 0 });
    const now = await call(
      'reporting',
      'GET',
      `/api/requests/${answered}/state?asOf=${new Date().toISOString()}`,
      auditor,
    );
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ registered: true, state: { status: 'answered' } });
    expect(JSON.stringify(now.body)).not.toContain(citizen.nationalCode);
    const bad = await call('reporting', 'GET', `/api/requests/${answered}/state?asOf=yesterday`, auditor);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);

    // The bundle downloaded over HTTP verifies with the command, with no database.
    const bundle = await call('reporting', 'GET', `/api/requests/${answered}/bundle`, auditor);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-disposition')).toContain(`samad-${answered}-bundle.json`);
    const file = join(mkdtempSync(join(tmpdir(), 'samad-http-bundle-')), 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle.body));
    const verified = await samad(['verify-bundle', file, '--lang', 'en'], undefined);
    expect(verified.stdout).toMatch(/^OK: \d+ events of request-/);
    expect(verified.code).toBe(0);
  });

  it('runs over HTTP with an auditor token and no database: history, state, verify, export; refuses bad tokens', async () => {
    const api = ['--api', services.reporting.baseUrl, '--lang', 'en'];
    const token = ['--token', await tokenFor('auditor')];
    // No DATABASE_URL at all: everything comes from reporting's API.
    const overHttp = (args: string[]) => samad([...args, ...api, ...token], undefined);

    const history = await overHttp(['history', answered, '--json']);
    expect(history.stderr).toBe('');
    expect(history.code).toBe(0);
    const fromDatabase = JSON.parse((await samad(['history', answered, '--json'])).stdout) as Json[];
    const withoutData = (events: Json[]) => events.map(({ data: _data, ...rest }) => rest);
    expect(withoutData(JSON.parse(history.stdout) as Json[])).toEqual(withoutData(fromDatabase));
    expect(history.stdout).not.toContain(citizen.nationalCode);
    const text = await overHttp(['history', answered]);
    expect(text.stdout).toContain(`History of request ${answered} (${fromDatabase.length} events)`);

    const before = await overHttp(['state', answered, '--as-of', '1300/01/01']);
    expect(before.stdout).toContain('not registered yet');
    const now = await overHttp(['state', answered, '--as-of', new Date().toISOString()]);
    expect(now.code).toBe(0);
    expect(JSON.parse(now.stdout.split('\n').slice(1).join('\n'))).toMatchObject({ status: 'answered' });
    const atPosition = await overHttp(['state', answered, '--as-of', beforeAnswer]);
    expect(atPosition.code).toBe(2);
    expect(atPosition.stderr).toContain('needs the database');

    const all = await overHttp(['verify', '--all']);
    expect(all.stderr).toBe('');
    expect(all.stdout).toMatch(/^OK: \d+ events verified; \d+ covered by signed checkpoint #\d+ \(\d{4}-/);
    expect(all.code).toBe(0);
    const one = await overHttp(['verify', answered]);
    expect(one.stdout).toMatch(new RegExp(`^OK: request-${answered} \\(\\d+\\)`));
    expect(one.code).toBe(0);

    const file = join(mkdtempSync(join(tmpdir(), 'samad-api-bundle-')), 'bundle.json');
    const exported = await overHttp(['export', answered, '-o', file]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(
      new RegExp(`^wrote ${file}: \\d+ events proven against checkpoint #\\d+`),
    );
    const verified = await samad(['verify-bundle', file, '--lang', 'en'], undefined);
    expect(verified.stdout).toMatch(/^OK: \d+ events of request-/);
    expect(verified.code).toBe(0);

    // A bad token, a role that may not audit, and no token at all: each named clearly, no stack.
    const forged = await samad(['history', answered, ...api, '--token', 'not-a-token'], undefined);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/^HTTP 401 [A-Z_]+: .*check --token/);
    expect(forged.stderr).not.toContain('    at ');
    const staffToken = ['--token', await tokenFor('agency_staff', { agency: 'ABFA' })];
    const refused = await samad(['verify', '--all', ...api, ...staffToken], undefined);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^HTTP 403 [A-Z_]+: /);
    const anonymous = await samad(['history', answered, ...api], undefined);
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toContain('SAMAD_API_TOKEN');
  });

  it('catches an answer edited in SQL with every per-stream hash and the head recomputed', async () => {
    const streamId = `request-${answered}`;
    const { rows: original } = await sql.query(
      'SELECT stream_revision, data, hash FROM event_store.events WHERE stream_id = $1 ORDER BY stream_revision',
      [streamId],
    );
    const { rows: head } = await sql.query('SELECT last_hash FROM event_store.streams WHERE stream_id = $1', [
      streamId,
    ]);
    const { rows: answer } = await sql.query(
      `SELECT transaction_id::text || ':' || global_position AS position, stream_revision
         FROM event_store.events WHERE stream_id = $1 AND event_type = 'RequestAnswered'`,
      [streamId],
    );
    // What someone with write access could do: change the text, recompute the chain from there and the head.
    await sql.query(
      `UPDATE event_store.events SET data = jsonb_set(data, '{text}', '"پاسخی که هرگز داده نشد"')
        WHERE stream_id = $1 AND event_type = 'RequestAnswered'`,
      [streamId],
    );
    await sql.query(
      `DO $$
       DECLARE r record; prev bytea := '\\x'::bytea;
       BEGIN
         FOR r IN SELECT * FROM event_store.events WHERE stream_id = '${streamId}' ORDER BY stream_revision LOOP
           prev := event_store.event_hash(prev, r.stream_id, r.stream_revision, r.event_id, r.event_type, r.data, r.metadata);
           UPDATE event_store.events SET hash = prev WHERE stream_id = r.stream_id AND stream_revision = r.stream_revision;
         END LOOP;
         UPDATE event_store.streams SET last_hash = prev WHERE stream_id = '${streamId}';
       END $$`,
    );
    try {
      // The old per-stream check is fooled…
      expect((await samad(['verify', answered, '--lang', 'en'])).code).toBe(0);
      // …the store-wide one is not, and names the event.
      const result = await samad(['verify', '--all', '--lang', 'en']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`FAILED: event #`);
      expect(result.stderr).toContain(
        `changed: expected ${streamId}@${answer[0].stream_revision} (${answer[0].position})`,
      );
      // The same over HTTP: the job fails and says what, in both languages.
      const job = await verifyOverHttp();
      expect(job).toMatchObject({ status: 'failed', problem: { kind: 'changed' } });
      expect((job.description as Json).en).toContain(`changed: expected ${streamId}@`);
      expect((job.description as Json).fa).toContain('تغییر کرده');
    } finally {
      for (const row of original) {
        await sql.query(
          'UPDATE event_store.events SET data = $3, hash = $4 WHERE stream_id = $1 AND stream_revision = $2',
          [streamId, row.stream_revision, row.data, row.hash],
        );
      }
      await sql.query('UPDATE event_store.streams SET last_hash = $2 WHERE stream_id = $1', [
        streamId,
        head[0].last_hash,
      ]);
    }
    expect((await samad(['verify', '--all', '--lang', 'en'])).code).toBe(0);
  });

  it('catches a whole stream deleted, naming the missing range', async () => {
    const streamId = `request-${other}`;
    const { rows: events } = await sql.query(
      // recorded_at as text: a JavaScript Date would drop its microseconds, and the tree covers them.
      'SELECT *, recorded_at::text AS recorded_at_text FROM event_store.events WHERE stream_id = $1 ORDER BY transaction_id, global_position',
      [streamId],
    );
    const { rows: streams } = await sql.query('SELECT * FROM event_store.streams WHERE stream_id = $1', [
      streamId,
    ]);
    await sql.query('DELETE FROM event_store.events WHERE stream_id = $1', [streamId]);
    await sql.query('DELETE FROM event_store.streams WHERE stream_id = $1', [streamId]);
    try {
      const result = await samad(['verify', '--all', '--lang', 'en']);
      expect(result.code).toBe(1);
      const first = events[0];
      expect(result.stderr).toContain(`FAILED: missing range:`);
      expect(result.stderr).toContain(
        `from ${streamId}@0 (${first.transaction_id}:${first.global_position})`,
      );
    } finally {
      for (const e of events) {
        await sql.query(
          `INSERT INTO event_store.events (transaction_id, global_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, hash)
           VALUES ($1::text::xid8, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10)`,
          [
            e.transaction_id,
            e.global_position,
            e.stream_id,
            e.stream_revision,
            e.event_id,
            e.event_type,
            e.data,
            e.metadata,
            e.recorded_at_text,
            e.hash,
          ],
        );
      }
      const s = streams[0];
      await sql.query(
        'INSERT INTO event_store.streams (stream_id, revision, last_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)',
        [s.stream_id, s.revision, s.last_hash, s.created_at, s.updated_at],
      );
    }
    expect((await samad(['verify', '--all', '--lang', 'en'])).code).toBe(0);
  });

  it("catches two events' positions swapped", async () => {
    const { rows } = await sql.query(
      `SELECT transaction_id::text AS t, global_position AS g, stream_id, stream_revision
         FROM event_store.events WHERE stream_id = ANY($1) AND stream_revision = 0 ORDER BY transaction_id, global_position`,
      [[`request-${answered}`, `request-${other}`]],
    );
    const [a, b] = rows;
    const swap = async (x: typeof a, y: typeof a) => {
      await sql.query('BEGIN');
      await sql.query(
        `UPDATE event_store.events SET global_position = -1 WHERE stream_id = $1 AND stream_revision = 0`,
        [x.stream_id],
      );
      await sql.query(
        `UPDATE event_store.events SET transaction_id = $2::text::xid8, global_position = $3 WHERE stream_id = $1 AND stream_revision = 0`,
        [y.stream_id, x.t, x.g],
      );
      await sql.query(
        `UPDATE event_store.events SET transaction_id = $2::text::xid8, global_position = $3 WHERE stream_id = $1 AND stream_revision = 0`,
        [x.stream_id, y.t, y.g],
      );
      await sql.query('COMMIT');
    };
    await swap(a, b);
    try {
      const result = await samad(['verify', '--all', '--lang', 'en']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `changed: expected ${a.stream_id}@0 (${a.t}:${a.g}), found ${b.stream_id}@0 (${a.t}:${a.g})`,
      );
    } finally {
      await swap({ ...a, t: b.t, g: b.g }, { ...b, t: a.t, g: a.g });
    }
    expect((await samad(['verify', '--all', '--lang', 'en'])).code).toBe(0);
  });

  it('shows the request as it stood at a position, a Jalali day, and before it existed', async () => {
    const then = await samad(['state', answered, '--as-of', beforeAnswer, '--lang', 'en']);
    expect(then.code).toBe(0);
    expect(JSON.parse(then.stdout.split('\n').slice(1).join('\n')).status).not.toBe('answered');
    const today = formatJalaliDate(jalaliOfGregorianKey(tehranDateKey(new Date()))).replaceAll('-', '/');
    const now = await samad(['state', answered, '--as-of', today]);
    expect(now.code).toBe(0);
    expect(JSON.parse(now.stdout.split('\n').slice(1).join('\n'))).toMatchObject({ status: 'answered' });
    const yesterday = await samad(['state', answered, '--as-of', '1300/01/01', '--lang', 'en']);
    expect(yesterday.stdout).toContain('not registered yet');
    const history = await samad(['history', answered, '--as-of', beforeAnswer, '--json']);
    expect((JSON.parse(history.stdout) as Json[]).map((e) => e.type)).not.toContain('RequestAnswered');
  });

  it('still verifies after a citizen is erased (keys destroyed, events untouched)', async () => {
    const erased = await call('intake', 'POST', '/api/admin/citizens/erase', await bearer('admin'), {
      nationalCode: citizen.nationalCode,
    });
    expect(erased.status).toBe(200);
    expect((await samad(['verify', '--all', '--lang', 'en'])).code).toBe(0);
    await checkpoint();
    const result = await samad(['verify', '--all', '--lang', 'en']);
    expect(result.stdout).toMatch(/^OK: /);
    expect(result.code).toBe(0);
  });

  it('exports a bundle that verifies after its database is dropped, and rejects an edited one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samad-bundle-'));
    const bundle = join(dir, 'bundle.json');
    // A database of its own, so it can be dropped.
    const scratch = `${new URL(testEnv.databaseUrl).pathname.slice(1)}_bundle`;
    const scratchUrl = Object.assign(new URL(testEnv.databaseUrl), { pathname: `/${scratch}` }).toString();
    await sql.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await sql.query(`CREATE DATABASE ${scratch}`);
    const { rows } = await sql.query(
      `SELECT stream_id, event_id, event_type, data, metadata FROM event_store.events
        WHERE stream_id = $1 ORDER BY stream_revision`,
      [`request-${answered}`],
    );
    const { runEventStoreMigrations, PostgresEventStore, silentLogger } = await import('@samad/event-store');
    await runEventStoreMigrations(scratchUrl);
    const scratchPool = new Pool({ connectionString: scratchUrl, max: 2 });
    try {
      const store = new PostgresEventStore({ pool: scratchPool, logger: silentLogger });
      await store.appendToStream(
        `request-${answered}`,
        rows.map((r) => ({ id: r.event_id, type: r.event_type, data: r.data, metadata: r.metadata })),
      );
      await store.close();
      const { CreateAuditCheckpoints1796230100000 } =
        await import('../../apps/reporting/src/infrastructure/migrations/1796230100000-create-audit-checkpoints');
      await scratchPool.query('CREATE SCHEMA reporting');
      await new CreateAuditCheckpoints1796230100000().up({
        query: (q: string) => scratchPool.query(q),
      } as never);
      const { AuditCheckpointsKeeper } =
        await import('../../apps/reporting/src/audit/audit-checkpoints.keeper');
      const keeper = new AuditCheckpointsKeeper(
        {} as never,
        {
          transaction: (work: (m: unknown) => Promise<void>) =>
            work({ query: async (q: string, p: unknown[]) => (await scratchPool.query(q, p)).rows }),
        } as never,
      );
      const scratchCheckpointer = new PostgresAuditCheckpointer({
        pool: scratchPool,
        signingKey: loadAuditSigningKey(),
        publish: (m) => keeper.keep(m),
      });
      // Only events below the cluster's oldest open transaction are covered: the other database's may hold it back.
      await waitFor('the scratch events covered', async () =>
        ((await scratchCheckpointer.issueUpToDate())?.treeSize ?? 0) >= rows.length ? true : undefined,
      );
      const exported = await samad(['export', answered, '-o', bundle, '--lang', 'en'], scratchUrl);
      expect(exported.stderr).toBe('');
      expect(exported.code).toBe(0);
    } finally {
      await scratchPool.end();
    }
    await sql.query(`DROP DATABASE ${scratch}`);

    const verified = await samad(['verify-bundle', bundle, '--lang', 'en'], undefined);
    expect(verified.stdout).toContain(
      `OK: ${rows.length} events of request-${answered} are in signed checkpoint #1`,
    );
    expect(verified.code).toBe(0);

    const edited = JSON.parse(readFileSync(bundle, 'utf8'));
    edited.events[0].dataText = edited.events[0].dataText.replace('BND', 'QSM');
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    const rejected = await samad(['verify-bundle', join(dir, 'edited.json'), '--lang', 'en'], undefined);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain(`request-${answered}@0`);
  });
});
