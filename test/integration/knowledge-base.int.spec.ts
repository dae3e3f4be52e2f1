// The knowledge base and answers at first contact (ADR 36), against real PostgreSQL and Kafka: intake (the
// articles, the search, the registration), routing and reporting in-process.
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { citizen, RequestFlow } from '../support/request-flow';

// Written with Persian ی/ک, ASCII digits and a half-space; searched below with Arabic ي/ك and Persian digits.
const ARTICLE = {
  categoryCode: 'WAT-BILL',
  titleFa: 'اعتراض به قبض آب پرمصرف',
  titleEn: 'Disputing a high water bill',
  body: 'مدارک لازم: کارت ملی و آخرین قبض. طبق ماده 12 آیین‌نامه، بازبینی کنتور ظرف ۷ روز انجام می‌شود. محل مراجعه: دفتر خدمات مشترکین.',
};

describe('knowledge base and answers at first contact', () => {
  let flow: RequestFlow;
  let intake: InProcessService;
  let routing: InProcessService;
  let reporting: InProcessService;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    intake = await startInProcess('intake', (config) => IntakeModule.register(config));
    reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
  });

  afterAll(async () => {
    await reporting?.close();
    await intake?.close();
    await routing?.close();
    await flow?.close();
  });

  const call = async (
    method: string,
    path: string,
    role: Parameters<typeof bearer>[0],
    body?: unknown,
    agency?: string,
  ) => requestJson(method, `${intake.baseUrl}${path}`, { body, headers: await bearer(role, { agency }) });
  const search = async (query: Record<string, string>, role: Parameters<typeof bearer>[0] = 'operator') =>
    call('GET', `/api/knowledge/articles?${new URLSearchParams(query)}`, role);
  const idsOf = (body: Json): string[] => (body.articles as Json[]).map((a) => a.articleId as string);
  const summaryCount = async (): Promise<number> => {
    const res = await requestJson('GET', `${reporting.baseUrl}/api/reports/summary`, {
      headers: await bearer('supervisor'),
    });
    expect(res.status).toBe(200);
    return res.body.answeredAtFirstContact as number;
  };

  let articleId: string;

  it('an administrator writes a draft; publishing it is a new version; operators see only published ones', async () => {
    const draft = await call('POST', '/api/knowledge/articles', 'admin', ARTICLE);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 1, status: 'draft', categoryCode: 'WAT-BILL' });
    articleId = draft.body.articleId as string;
    expect(idsOf((await search({ q: 'قبض' })).body)).not.toContain(articleId);

    const published = await call('PUT', `/api/knowledge/articles/${articleId}`, 'admin', {
      ...ARTICLE,
      status: 'published',
      baseVersion: 1,
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 2, status: 'published' });

    const stale = await call('PUT', `/api/knowledge/articles/${articleId}`, 'admin', {
      ...ARTICLE,
      baseVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ARTICLE_VERSION_CONFLICT');

    const versions = await call('GET', `/api/knowledge/articles/${articleId}/versions`, 'admin');
    expect((versions.body.versions as Json[]).map((v) => [v.version, v.status])).toEqual([
      [1, 'draft'],
      [2, 'published'],
    ]);
  });

  it('an operator finds it typing Arabic ي/ك, Persian digits, no half-space and partial words', async () => {
    for (const q of ['مدارك', 'ماده ۱۲', 'ميشود', 'كنتور بازبي', 'آيين نامه']) {
      const found = await search({ q, categoryCode: 'WAT-BILL' });
      expect(found.status).toBe(200);
      expect(idsOf(found.body)).toContain(articleId);
      expect(found.body.articles[0].rank).toBeGreaterThan(0);
      expect(found.body).toMatchObject({ page: 1, pageSize: 50, items: found.body.articles });
      expect(found.body.total).toBeGreaterThanOrEqual(1);
    }
    const paged = await search({ q: 'مدارك', pageSize: '1', page: '99' });
    expect(paged.body).toMatchObject({ items: [], page: 99, pageSize: 1, total: expect.any(Number) });
    expect(paged.body.total).toBeGreaterThanOrEqual(1);
    expect((await search({ q: 'مدارك', pageSize: '201' })).status).toBe(400);
    expect(idsOf((await search({ q: 'گذرنامه' })).body)).not.toContain(articleId);
    expect(idsOf((await search({ q: 'مدارك', categoryCode: 'WAT-CUT' })).body)).not.toContain(articleId);

    const suggested = await call(
      'GET',
      `/api/knowledge/suggestions?${new URLSearchParams({ categoryCode: 'WAT-BILL', description: 'قبض اين ماه خيلي زياد آمده' })}`,
      'operator',
    );
    expect(suggested.status).toBe(200);
    expect(idsOf(suggested.body)[0]).toBe(articleId);

    const bad = await search({ categoryCode: 'NOPE' });
    expect(bad.status).toBe(400);
  });

  it('an agency editor writes only for categories routed to its agency; operators never write', async () => {
    const own = await call(
      'POST',
      '/api/knowledge/articles',
      'agency_editor',
      { ...ARTICLE, categoryCode: 'WAT-CUT' },
      'ABFA',
    );
    expect(own.status).toBe(201);
    const other = await call(
      'POST',
      '/api/knowledge/articles',
      'agency_editor',
      { ...ARTICLE, categoryCode: 'GAS-LEAK' },
      'ABFA',
    );
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('CATEGORY_NOT_ROUTED_TO_AGENCY');
    expect((await call('POST', '/api/knowledge/articles', 'operator', ARTICLE)).status).toBe(403);
  });

  it('an operator closes the call as answered at first contact: two facts, no agency, counted in the summary', async () => {
    const before = await summaryCount();
    const registration = {
      channel: 'phone',
      kind: 'request',
      collective: false,
      citizens: [citizen],
      countyCode: 'BND',
      categoryCode: 'WAT-BILL',
      description: 'قبض آب این ماه خیلی زیاد آمده',
    };
    const draftCited = await call('POST', '/api/requests', 'operator', {
      ...registration,
      answeredAtFirstContact: {
        articleId: (await call('POST', '/api/knowledge/articles', 'admin', ARTICLE)).body.articleId,
      },
    });
    expect(draftCited.status).toBe(409);
    expect(draftCited.body.code).toBe('ARTICLE_NOT_PUBLISHED');

    const res = await call('POST', '/api/requests', 'operator', {
      ...registration,
      answeredAtFirstContact: { articleId },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'closed', answeredAtFirstContact: { articleId, version: 2 } });
    const code = res.body.trackingCode as string;

    // Long enough for a consumer group to drop a member a killed earlier run left behind.
    await waitFor(
      'the summary to count it',
      async () => ((await summaryCount()) === before + 1 ? true : undefined),
      {
        timeoutMs: 90_000,
      },
    );
    const events = await flow.events(code);
    expect(events.map((e) => e.type)).toEqual(['RequestRegistered', 'RequestClosed']);
    expect(events[1].data).toMatchObject({
      reason: 'answered_at_first_contact',
      article: { articleId, version: 2 },
    });

    // Routing saw the registration too (its consumer runs before reporting's count is asserted again):
    // it found the request closed and routed nothing.
    const history = await requestJson('GET', `${reporting.baseUrl}/api/requests/${code}/history`, {
      headers: await bearer('auditor'),
    });
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toContain('RequestRoutedToAgency');
  }, 120_000);
});
