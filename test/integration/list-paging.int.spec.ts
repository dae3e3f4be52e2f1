// Paged lists (issue #14 item 10), against real PostgreSQL and Kafka: on a database already holding earlier
// requests, a new user's agency inbox answers one page with the total, and walking the pages finds the new
// request after every earlier one, in due order, without duplicates. Out-of-range page sizes answer 400.
import { Client } from 'pg';
import { bearer } from '../support/auth';
import { testEnv, waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { citizen, RequestFlow } from '../support/request-flow';

const EARLIER = 60; // more than one default page (50)

describe('paged lists', () => {
  let flow: RequestFlow;
  let sql: Client;
  let intake: InProcessService;
  let routing: InProcessService;
  let agency: InProcessService;
  const seeded: string[] = [];

  beforeAll(async () => {
    flow = await RequestFlow.start();
    sql = new Client({ connectionString: testEnv.databaseUrl });
    await sql.connect();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    intake = await startInProcess('intake', (config) => IntakeModule.register(config));
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    // Earlier requests ABFA still holds, all due before anything registered now.
    const base = Date.now() - 30 * 86_400_000;
    for (let i = 0; i < EARLIER; i++) {
      const trackingCode = `99${String(Date.now() % 1_000_000).padStart(6, '0')}${String(i).padStart(2, '0')}`;
      const due = new Date(base + i * 3_600_000);
      await sql.query(
        `INSERT INTO agency.request_details (tracking_code, kind, channel, collective, category_code, county_code,
                description, citizen_name, citizen_mobile, citizen_count, registered_at)
         VALUES ($1, 'complaint', 'phone', false, 'WAT-CUT', 'BND', 'درخواست پیشین', 'شهروند پیشین',
                 '09170000000', 1, $2)`,
        [trackingCode, due],
      );
      await sql.query(
        `INSERT INTO agency.inbox (tracking_code, agency_code, status, due_at, routed_at, updated_at)
         VALUES ($1, 'ABFA', 'routed', $2, $2, now())`,
        [trackingCode, due],
      );
      seeded.push(trackingCode);
    }
  });

  afterAll(async () => {
    if (sql && seeded.length > 0) {
      await sql.query('DELETE FROM agency.inbox WHERE tracking_code = ANY($1)', [seeded]);
      await sql.query('DELETE FROM agency.request_details WHERE tracking_code = ANY($1)', [seeded]);
    }
    await sql?.end();
    await agency?.close();
    await intake?.close();
    await routing?.close();
    await flow?.close();
  });

  const inbox = async (query: string) =>
    requestJson('GET', `${agency.baseUrl}/api/agency/inbox?${query}`, {
      headers: await bearer('agency_staff', { agency: 'ABFA' }),
    });

  it('walks the inbox page by page: the total is right, nothing repeats, the new request is on the last page', async () => {
    const registered = await requestJson('POST', `${intake.baseUrl}/api/requests`, {
      body: {
        kind: 'complaint',
        channel: 'phone',
        collective: false,
        citizens: [citizen],
        countyCode: 'BND',
        categoryCode: 'WAT-CUT',
        description: 'قطعی آب در محله',
      },
      headers: await bearer('operator', { sub: 'operator-7' }),
    });
    expect(registered.status).toBe(201);
    const newest = registered.body.trackingCode as string;
    await waitFor('the new request in the inbox', async () => {
      const res = await inbox(`trackingCode=${newest}`);
      return res.status === 200 && res.body.total === 1 ? true : undefined;
    });

    const first = await inbox('');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ agency: 'ABFA', status: 'open', page: 1, pageSize: 50 });
    const total = first.body.total as number;
    expect(total).toBeGreaterThanOrEqual(EARLIER + 1);
    expect(first.body.items).toHaveLength(50);

    const seen: string[] = [];
    const pages = Math.ceil(total / 50);
    let last: Json[] = [];
    const walked: Json[] = [];
    for (let page = 1; page <= pages; page++) {
      const res = await inbox(`page=${page}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(total);
      last = res.body.items as Json[];
      walked.push(...last);
      seen.push(...last.map((item) => item.trackingCode as string));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual(expect.arrayContaining([...seeded, newest]));
    // Other tests' requests share the table (some due later, or more critical), so the new one need not be
    // last: the walk is in order instead, and the new request comes after every earlier one.
    for (let i = 1; i < walked.length; i++) {
      if (walked[i].priority !== walked[i - 1].priority) continue;
      expect(Date.parse(walked[i].dueAt as string)).toBeGreaterThanOrEqual(
        Date.parse(walked[i - 1].dueAt as string),
      );
    }
    expect(last.length).toBe(total - (pages - 1) * 50);
    expect(seen.indexOf(newest)).toBeGreaterThan(seen.indexOf(seeded[EARLIER - 1]));

    // A smaller page size walks the same order; past the end is empty but still says the total.
    const small = await inbox('page=2&pageSize=7');
    expect(small.body).toMatchObject({ page: 2, pageSize: 7, total });
    expect((small.body.items as Json[]).map((item) => item.trackingCode)).toEqual(seen.slice(7, 14));
    const beyond = await inbox(`page=${pages + 1}`);
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ items: [], total });
  });

  it.each(['pageSize=0', 'pageSize=201', 'page=0'])(
    'refuses %s with a Problem Details naming it',
    async (q) => {
      const res = await inbox(q);
      expect(res.status).toBe(400);
      expect(res.body.code).toEqual(expect.any(String));
      expect((res.body.errors as Json[]).map((e) => e.field)).toEqual([q.split('=')[0]]);
    },
  );

  it('pages the manual queue too, with a total, and refuses pageSize=201', async () => {
    const headers = await bearer('supervisor');
    const ok = await requestJson('GET', `${routing.baseUrl}/api/routing/manual-queue?pageSize=5`, {
      headers,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ page: 1, pageSize: 5, total: expect.any(Number) });
    const bad = await requestJson('GET', `${routing.baseUrl}/api/routing/manual-queue?pageSize=201`, {
      headers,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Json[]).map((e) => e.field)).toEqual(['pageSize']);
  });
});
