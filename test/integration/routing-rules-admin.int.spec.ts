// Administrators keep the routing rules (ADR 49), against real routing over HTTP, PostgreSQL and Kafka: each
// refusal with its code and nothing changed, the history, the roles, and intake's new requests routed by a
// rule added a moment before (and by the fallback again once it is removed). Every rule added here is the
// test admin's, removed again after (the database is shared); the history is append-only and stays.
import { bearer } from '../support/auth';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { citizen, RequestFlow } from '../support/request-flow';

const ADMIN = 'rules-admin-it';
// A category no other test registers, whose seeded fallback is the environment agency; on Qeshm the
// free-zone organisation may take it over.
const CATEGORY = 'ENV-MANGROVE';
const FALLBACK_AGENCY = 'MOHIT';

describe('routing rules kept by an administrator', () => {
  let flow: RequestFlow;
  let routing: InProcessService;
  let intake: InProcessService;
  let seededFallbackId = 0;

  const removeOurRules = () => flow.sql.query('DELETE FROM routing.rules WHERE changed_by = $1', [ADMIN]);

  beforeAll(async () => {
    flow = await RequestFlow.start();
    await removeOurRules(); // a run that failed half-way may have left some
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    intake = await startInProcess('intake', (config) => IntakeModule.register(config));
    const { rows } = await flow.sql.query<{ id: number }>(
      'SELECT id FROM routing.rules WHERE category_code = $1 AND county_code IS NULL',
      [CATEGORY],
    );
    expect(rows).toHaveLength(1);
    seededFallbackId = rows[0].id;
  });

  afterAll(async () => {
    if (flow) await removeOurRules();
    await intake?.close();
    await routing?.close();
    await flow?.close();
  });

  const call = async (method: string, path: string, body?: unknown, role = 'admin', sub = ADMIN) =>
    requestJson(method, `${routing.baseUrl}${path}`, {
      body,
      headers: role === 'none' ? {} : await bearer(role as 'admin', { sub }),
    });
  const add = (body: object) => call('POST', '/api/routing/rules', body);
  const rules = async (): Promise<Json[]> => (await call('GET', '/api/routing/rules')).body.items;
  const ourChanges = async (): Promise<number> =>
    Number(
      (
        await flow.sql.query<{ n: string }>(
          'SELECT count(*) AS n FROM routing.rule_changes WHERE changed_by = $1',
          [ADMIN],
        )
      ).rows[0].n,
    );
  const changesOf = async (ruleId: number): Promise<Json[]> =>
    (await call('GET', `/api/routing/rules/changes?ruleId=${ruleId}`)).body.items;

  const qeshm = { code: 'QSM', nameFa: 'قشم', nameEn: 'Qeshm' };
  const freeZone = { code: 'QFZ', nameFa: 'سازمان منطقه آزاد قشم', nameEn: 'Qeshm Free Zone Organisation' };
  const mangroves = { code: CATEGORY, nameFa: 'جنگل‌های حرا و سواحل', nameEn: 'Mangroves and coasts' };

  it('adds a county rule, listed with who added it and when, and recorded in the history', async () => {
    const res = await add({ categoryCode: CATEGORY, countyCode: 'qsm', agencyCode: 'QFZ', priority: 10 });
    expect(res.status).toBe(201);
    const id = res.body.id as number;
    try {
      expect(res.body).toEqual({
        id,
        category: { ...mangroves, deadlineDays: 15 },
        county: qeshm,
        agency: freeZone,
        priority: 10,
        changedBy: ADMIN,
        changedAt: expect.any(String),
        changedAtJalali: expect.any(String),
      });
      expect(await rules()).toContainEqual(res.body);
      expect(await changesOf(id)).toEqual([
        {
          id: expect.any(Number),
          ruleId: id,
          change: 'added',
          before: null,
          after: { category: mangroves, county: qeshm, agency: freeZone, priority: 10 },
          changedBy: ADMIN,
          changedAt: res.body.changedAt,
          changedAtJalali: res.body.changedAtJalali,
        },
      ]);
    } finally {
      expect((await call('DELETE', `/api/routing/rules/${id}`)).status).toBe(204);
    }
  });

  it('refuses what routing does not know, bad values and a rule that exists, naming the field and changing nothing', async () => {
    const before = { rules: (await rules()).length, changes: await ourChanges() };
    const good = { categoryCode: CATEGORY, countyCode: 'QSM', agencyCode: 'QFZ', priority: 1 };
    const refusals: [object, number, string, string | undefined][] = [
      [{ ...good, categoryCode: 'ENV-NOPE' }, 400, 'UNKNOWN_CATEGORY', 'categoryCode'],
      [{ ...good, countyCode: 'XXX' }, 400, 'UNKNOWN_COUNTY', 'countyCode'],
      [{ ...good, agencyCode: 'NOPE' }, 400, 'UNKNOWN_AGENCY', 'agencyCode'],
      [{ ...good, priority: 1001 }, 400, 'INVALID_INPUT', 'priority'],
      [{ ...good, priority: 2.5 }, 400, 'INVALID_INPUT', 'priority'],
      [{ ...good, agencyCode: undefined }, 400, 'INVALID_INPUT', 'agencyCode'],
      // The seeded fallback already sends the category to the environment agency.
      [{ ...good, countyCode: null, agencyCode: FALLBACK_AGENCY }, 409, 'RULE_ALREADY_EXISTS', 'agencyCode'],
    ];
    for (const [body, status, code, field] of refusals) {
      const res = await add(body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    const duplicate = await add({ ...good, countyCode: null, agencyCode: FALLBACK_AGENCY });
    expect(duplicate.body.detail).toBe(`rule ${seededFallbackId} already says it`);
    expect({ rules: (await rules()).length, changes: await ourChanges() }).toEqual(before);
  });

  it("changes a rule's priority and agency, records before and after, and records nothing for no change", async () => {
    const { body: rule } = await add({
      categoryCode: CATEGORY,
      countyCode: 'QSM',
      agencyCode: 'QFZ',
      priority: 10,
    });
    try {
      const changed = await call('PUT', `/api/routing/rules/${rule.id}`, {
        priority: 20,
        agencyCode: 'ostandari',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        id: rule.id,
        priority: 20,
        agency: { code: 'OSTANDARI' },
        county: qeshm,
      });
      const same = await call('PUT', `/api/routing/rules/${rule.id}`, { priority: 20 });
      expect(same.status).toBe(200);
      const history = await changesOf(rule.id);
      expect(history.map((c) => c.change)).toEqual(['changed', 'added']);
      expect(history[0]).toMatchObject({
        before: { county: qeshm, agency: freeZone, priority: 10 },
        after: { county: qeshm, agency: { code: 'OSTANDARI' }, priority: 20 },
        changedBy: ADMIN,
      });
      // Moved onto a rule that exists: the seeded fallback sends the category to the environment agency.
      const clash = await call('PUT', `/api/routing/rules/${rule.id}`, {
        countyCode: null,
        agencyCode: FALLBACK_AGENCY,
      });
      expect({ status: clash.status, code: clash.body.code }).toEqual({
        status: 409,
        code: 'RULE_ALREADY_EXISTS',
      });
      const refusals: [string, object, number, string][] = [
        [`${rule.id}`, {}, 400, 'INVALID_INPUT'],
        [`${rule.id}`, { priority: null }, 400, 'INVALID_INPUT'],
        [`${rule.id}`, { agencyCode: 'NOPE' }, 400, 'UNKNOWN_AGENCY'],
        [`${rule.id}`, { countyCode: 'XXX' }, 400, 'UNKNOWN_COUNTY'],
        ['999999999', { priority: 1 }, 404, 'RULE_NOT_FOUND'],
        ['twelve', { priority: 1 }, 400, 'INVALID_INPUT'],
      ];
      for (const [id, body, status, code] of refusals) {
        const res = await call('PUT', `/api/routing/rules/${id}`, body);
        expect({ id, status: res.status, code: res.body.code }).toEqual({ id, status, code });
      }
      expect(await changesOf(rule.id)).toHaveLength(2);
    } finally {
      await call('DELETE', `/api/routing/rules/${rule.id}`);
    }
    expect((await changesOf(rule.id)).map((c) => c.change)).toEqual(['removed', 'changed', 'added']);
    expect((await changesOf(rule.id))[0]).toMatchObject({ after: null, before: { priority: 20 } });
    const gone = await call('DELETE', `/api/routing/rules/${rule.id}`);
    expect({ status: gone.status, code: gone.body.code }).toEqual({ status: 404, code: 'RULE_NOT_FOUND' });
  });

  it("refuses to take away a category's last county-independent rule, and removes one that is not the last", async () => {
    const changes = await ourChanges();
    const removal = await call('DELETE', `/api/routing/rules/${seededFallbackId}`);
    expect(removal.status).toBe(409);
    expect(removal.body).toMatchObject({ code: 'LAST_FALLBACK_RULE' });
    expect(removal.body.detail).toContain('manual routing queue');
    const move = await call('PUT', `/api/routing/rules/${seededFallbackId}`, { countyCode: 'BND' });
    expect({ status: move.status, code: move.body.code }).toEqual({
      status: 409,
      code: 'LAST_FALLBACK_RULE',
    });
    expect(await ourChanges()).toBe(changes);
    expect(await rules()).toContainEqual(expect.objectContaining({ id: seededFallbackId, county: null }));

    // A second fallback: now either could go; the second goes, the seeded one stays the last.
    const second = await add({
      categoryCode: CATEGORY,
      countyCode: null,
      agencyCode: 'OSTANDARI',
      priority: 0,
    });
    expect(second.status).toBe(201);
    expect((await call('DELETE', `/api/routing/rules/${second.body.id}`)).status).toBe(204);
    expect((await call('DELETE', `/api/routing/rules/${seededFallbackId}`)).status).toBe(409);
  });

  it('lets only administrators write, and administrators, auditors and supervisors read the history', async () => {
    const body = { categoryCode: CATEGORY, countyCode: 'QSM', agencyCode: 'QFZ', priority: 1 };
    for (const role of ['operator', 'supervisor', 'auditor', 'official']) {
      for (const [method, path] of [
        ['POST', '/api/routing/rules'],
        ['PUT', `/api/routing/rules/${seededFallbackId}`],
        ['DELETE', `/api/routing/rules/${seededFallbackId}`],
      ]) {
        const res = await call(method, path, body, role, `rules-${role}`);
        expect({ role, method, status: res.status, code: res.body.code }).toEqual({
          role,
          method,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
    }
    expect((await call('POST', '/api/routing/rules', body, 'none')).status).toBe(401);
    for (const role of ['admin', 'auditor', 'supervisor'])
      expect((await call('GET', '/api/routing/rules/changes', undefined, role)).status).toBe(200);
    for (const role of ['operator', 'official'])
      expect((await call('GET', '/api/routing/rules/changes', undefined, role)).status).toBe(403);
  });

  it('pages the history newest first with the total, and refuses a bad page size', async () => {
    const { body: rule } = await add({
      categoryCode: CATEGORY,
      countyCode: 'MIN',
      agencyCode: 'QFZ',
      priority: 1,
    });
    await call('PUT', `/api/routing/rules/${rule.id}`, { priority: 2 });
    await call('PUT', `/api/routing/rules/${rule.id}`, { priority: 3 });
    await call('DELETE', `/api/routing/rules/${rule.id}`);
    const page = async (n: number) =>
      (await call('GET', `/api/routing/rules/changes?ruleId=${rule.id}&pageSize=3&page=${n}`)).body;
    const first = await page(1);
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.items.map((c: Json) => [c.change, c.after?.priority ?? null])).toEqual([
      ['removed', null],
      ['changed', 3],
      ['changed', 2],
    ]);
    expect((await page(2)).items.map((c: Json) => c.change)).toEqual(['added']);
    expect(await page(3)).toEqual({ items: [], total: 4, page: 3, pageSize: 3 });
    const all = await call('GET', '/api/routing/rules/changes?pageSize=1');
    expect(all.body.total).toBeGreaterThanOrEqual(4);
    const bad = await call('GET', '/api/routing/rules/changes?pageSize=500');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'pageSize' })]);
  });

  describe('new requests, registered through intake, follow the rules as they are now', () => {
    const register = async (): Promise<string> => {
      const res = await requestJson('POST', `${intake.baseUrl}/api/requests`, {
        body: {
          kind: 'complaint',
          channel: 'phone',
          collective: false,
          citizens: [citizen],
          countyCode: 'QSM',
          categoryCode: CATEGORY,
          description: 'قطع درختان حرا در ساحل',
        },
        headers: await bearer('operator', { sub: 'operator-7' }),
      });
      expect(res.status).toBe(201);
      return res.body.trackingCode as string;
    };
    const routedTo = async (code: string) => {
      const { data } = await flow.waitForEvent(code, 'RequestRoutedToAgency');
      return { agencyCode: (data as Json).agencyCode, ruleId: (data as Json).ruleId };
    };

    it("routes by the county rule once added, keeps an earlier request's agency, and by the fallback once removed", async () => {
      const earlier = await register();
      expect(await routedTo(earlier)).toEqual({
        agencyCode: FALLBACK_AGENCY,
        ruleId: String(seededFallbackId),
      });

      const { body: rule } = await add({
        categoryCode: CATEGORY,
        countyCode: 'QSM',
        agencyCode: 'QFZ',
        priority: 10,
      });
      const underRule = await register();
      expect(await routedTo(underRule)).toEqual({ agencyCode: 'QFZ', ruleId: String(rule.id) });

      expect((await call('DELETE', `/api/routing/rules/${rule.id}`)).status).toBe(204);
      const afterRemoval = await register();
      expect(await routedTo(afterRemoval)).toEqual({
        agencyCode: FALLBACK_AGENCY,
        ruleId: String(seededFallbackId),
      });

      // Routed once each: the rule's coming and going moved no request already routed.
      for (const code of [earlier, underRule]) {
        const routings = (await flow.events(code)).filter((e) => e.type === 'RequestRoutedToAgency');
        expect(routings).toHaveLength(1);
      }
      expect(await routedTo(earlier)).toEqual({
        agencyCode: FALLBACK_AGENCY,
        ruleId: String(seededFallbackId),
      });
    }, 120_000);
  });
});
