// Reports as of a moment and rebuilding the reporting read model (ADR 31), against real PostgreSQL and Kafka:
// routing and agency move requests, reporting projects them in-process, the store is replayed beside it.
import { fingerprint, rebuildRequestStatistics } from '@samad/reporting-read-model';
import {
  formatJalaliDate,
  jalaliOfGregorianKey,
  tehranDateKey,
  toPersianDigits,
} from '@samad/request-lifecycle';
import { Pool } from 'pg';
import { rebuildCommand } from '../../apps/auditor-cli/src/commands/rebuild.command';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { bearer } from '../support/auth';
import { testEnv, waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { RequestFlow } from '../support/request-flow';

describe('the reporting read model through time', () => {
  let flow: RequestFlow;
  let routing: InProcessService;
  let agency: InProcessService;
  let reporting: InProcessService;
  let pool: Pool;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
    pool = new Pool({ connectionString: testEnv.databaseUrl, max: 2 });
    // Earlier test files feed reporting messages that are not in the store on purpose (a ghost's follow-up,
    // parked then re-driven), so the shared database's read model need not be the store's fold: start from
    // the fold, as an operator would after such an incident.
    expect(await rebuildCommand.run(['reporting', '--swap'])).toBe(0);
  }, 120000);

  afterAll(async () => {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE nspname ~ '^reporting_(shadow|retired)_'`,
    );
    for (const { name } of rows) await pool.query(`DROP SCHEMA ${name} CASCADE`);
    await pool?.end();
    await reporting?.close();
    await agency?.close();
    await routing?.close();
    await flow?.close();
  });

  const summary = async (query = ''): Promise<{ status: number; body: Json }> =>
    requestJson('GET', `${reporting.baseUrl}/api/reports/summary${query}`, {
      headers: await bearer('supervisor', { sub: 'supervisor-31' }),
    });
  const act = async (code: string, action: string, body?: object) => {
    const res = await requestJson('POST', `${agency.baseUrl}/api/agency/requests/${code}/${action}`, {
      body,
      headers: await bearer('agency_staff', { agency: 'ABFA', sub: 'staff-31' }),
    });
    expect(res.status).toBe(200);
  };
  const routed = async (): Promise<string> => {
    const code = await flow.register('WAT-CUT', 'BND');
    await flow.waitForEvent(code, 'RequestRoutedToAgency');
    return code;
  };
  /** Waits until reporting shows the request in this status. */
  const projected = (code: string, status: string) =>
    waitFor(`${code} ${status} in reporting`, async () => {
      const { rows } = await flow.sql.query(
        'SELECT status FROM reporting.requests WHERE tracking_code = $1',
        [code],
      );
      return rows[0]?.status === status ? true : undefined;
    });
  /** The live summary once nothing is moving: two readings a moment apart agree (but for their instant). */
  const settledSummary = () =>
    waitFor('a settled summary', async () => {
      const first = (await summary()).body;
      await new Promise((r) => setTimeout(r, 500));
      const second = (await summary()).body;
      const { asOf: _a, asOfJalali: _aj, ...a } = first;
      const { asOf: _b, asOfJalali: _bj, ...b } = second;
      return JSON.stringify(a) === JSON.stringify(b) ? second : undefined;
    });

  it('answers summary?asOf=T with the summary taken at T, after requests have moved on', async () => {
    const first = await routed();
    const second = await routed();
    await act(first, 'acknowledge');
    await projected(first, 'acknowledged');
    const atT = await settledSummary();

    // The world moves on: an answer, a new request, a return.
    await act(first, 'answer', { outcome: 'positive', text: 'لوله‌ی آب تعمیر شد و آب وصل است' });
    const third = await routed();
    await act(second, 'return', { reason: 'این درخواست در حوزه‌ی شرکت آب نیست' });
    await projected(first, 'answered');
    await projected(third, 'routed');
    await waitFor('the return in reporting', async () => {
      const { rows } = await flow.sql.query(
        'SELECT status FROM reporting.requests WHERE tracking_code = $1',
        [second],
      );
      return rows[0]?.status !== 'routed' ? true : undefined;
    });
    const now = (await summary()).body;
    expect(now.total).toBe(atT.total + 1);
    expect(now.timeToAnswer.answered).toBe(atT.timeToAnswer.answered + 1);

    const asOf = await summary(`?asOf=${encodeURIComponent(atT.asOf)}`);
    expect(asOf.status).toBe(200);
    expect(asOf.body).toEqual(atT);

    // Today, spelled the Jalali way with Persian digits, means the end of today, so (not there yet) now.
    const today = toPersianDigits(formatJalaliDate(jalaliOfGregorianKey(tehranDateKey(new Date()))));
    const { asOf: _n, asOfJalali: _nj, ...current } = now;
    expect((await summary(`?asOf=${encodeURIComponent(today)}`)).body).toMatchObject(current);
  });

  it('refuses an asOf it cannot read with Problem Details naming it', async () => {
    for (const bad of ['yesterday', '1404/13/01', '2025-02-30', '1404/09/11 25:00']) {
      const res = await summary(`?asOf=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    }
  });

  it('rebuilds the read model equal to the live one, and a swap repairs a drifted one while the service runs', async () => {
    const code = await routed();
    await projected(code, 'routed');
    const before = await settledSummary();

    const rebuilt = await rebuildRequestStatistics(pool);
    expect(rebuilt.comparison.equal).toBe(true);
    expect(rebuilt.comparison.shadow).toEqual(await fingerprint(pool, 'reporting.requests'));
    expect(rebuilt.rows).toBe(before.total);

    // A drifted live row (as a lost or mis-applied message would leave it) makes the shadow differ.
    await flow.sql.query(`UPDATE reporting.requests SET status = 'closed' WHERE tracking_code = $1`, [code]);
    const drifted = await rebuildRequestStatistics(pool);
    expect(drifted.comparison.equal).toBe(false);
    expect(drifted.comparison.shadow).toEqual(rebuilt.comparison.shadow);

    // The command swaps it in; the service answers the summary it answered before the drift.
    expect(await rebuildCommand.run(['reporting', '--swap'])).toBe(0);
    const afterSwap = (await summary()).body;
    const { asOf: _x, asOfJalali: _y, ...expected } = before;
    expect(afterSwap).toMatchObject(expected);
    const { rows } = await flow.sql.query<{ retired: string }>(
      `SELECT count(*)::int AS retired FROM pg_tables WHERE schemaname ~ '^reporting_retired_' AND tablename = 'requests'`,
    );
    expect(rows[0].retired).toBeGreaterThanOrEqual(1);

    // The live consumer carries on into the swapped-in table.
    await act(code, 'acknowledge');
    await projected(code, 'acknowledged');
    expect(await rebuildRequestStatistics(pool)).toMatchObject({ comparison: { equal: true } });
  });

  it('names what it can rebuild, and refuses anything else', async () => {
    expect(await rebuildCommand.run(['scorecards'])).toBe(2);
    expect(await rebuildCommand.run(['reporting', '--force'])).toBe(2);
  });
});
