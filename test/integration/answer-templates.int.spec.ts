// Answer templates (ADR 36), against real PostgreSQL and Kafka: routing routes a request to ABFA, agency
// staff keep templates, preview one filled for the request and answer with it; reporting shows the history.
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { citizen, RequestFlow } from '../support/request-flow';

const BODY =
  '{{citizen_name}} گرامی، درخواست {{tracking_code}} درباره {{category}} (ثبت {{registered_at_jalali}}) بررسی شد.';

describe('answer templates', () => {
  let flow: RequestFlow;
  let routing: InProcessService;
  let agency: InProcessService;
  let reporting: InProcessService;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
  });

  afterAll(async () => {
    await reporting?.close();
    await agency?.close();
    await routing?.close();
    await flow?.close();
  });

  const asStaff = (agencyCode = 'ABFA') =>
    bearer('agency_staff', { agency: agencyCode, sub: `staff-${agencyCode}` });
  const call = async (method: string, path: string, body?: unknown, agencyCode = 'ABFA') =>
    requestJson(method, `${agency.baseUrl}${path}`, { body, headers: await asStaff(agencyCode) });

  it('staff keep their own agency’s templates; unknown placeholders and other agencies are refused', async () => {
    expect((await call('POST', '/api/agency/templates', { title: 'بد', body: 'سلام {{nmae}}' })).status).toBe(
      400,
    );
    const created = await call('POST', '/api/agency/templates', { title: 'قطعی', body: 'پیش‌نویس' });
    expect(created.status).toBe(201);
    const id = created.body.templateId as string;
    const edited = await call('PUT', `/api/agency/templates/${id}`, { title: 'قطعی', body: BODY });
    expect(edited.body).toMatchObject({ version: 2, body: BODY });
    expect(
      (await call('PUT', `/api/agency/templates/${id}`, { title: 'x', body: 'y' }, 'BARGH')).status,
    ).toBe(404);
    const bargh = await call('GET', '/api/agency/templates', undefined, 'BARGH');
    expect(bargh.body.templates.map((t: { templateId: string }) => t.templateId)).not.toContain(id);
    const removed = await call('POST', '/api/agency/templates', { title: 'موقت', body: 'x' });
    expect((await call('DELETE', `/api/agency/templates/${removed.body.templateId}`)).status).toBe(204);
    const own = await call('GET', '/api/agency/templates');
    const ids = own.body.templates.map((t: { templateId: string }) => t.templateId);
    expect(ids).toContain(id);
    expect(ids).not.toContain(removed.body.templateId);
    // The template read model never holds a citizen's name.
    const [{ n }] = await flow.sql
      .query(`SELECT count(*)::int AS n FROM agency.answer_templates WHERE body LIKE $1`, [
        `%${citizen.fullName}%`,
      ])
      .then((r) => r.rows as { n: number }[]);
    expect(n).toBe(0);
  });

  it('previews a template filled for the request and answers with it: the answer names template and version', async () => {
    const created = await call('POST', '/api/agency/templates', { title: 'پاسخ', body: BODY });
    const templateId = created.body.templateId as string;
    const code = await flow.register('WAT-CUT', 'BND');
    await flow.waitForEvent(code, 'RequestRoutedToAgency');
    await waitFor('the request in the ABFA inbox', async () => {
      const inbox = await call('GET', `/api/agency/inbox?trackingCode=${code}`);
      return JSON.stringify(inbox.body).includes(code) ? true : undefined;
    });

    const preview = await call('POST', `/api/agency/requests/${code}/answer-preview/${templateId}`);
    expect(preview.status).toBe(200);
    expect(preview.body.text).toContain(`${citizen.fullName} گرامی، درخواست ${code} درباره قطعی آب`);
    expect(preview.body.text).not.toContain('{{');
    expect(
      (await call('POST', `/api/agency/requests/${code}/answer-preview/${templateId}`, undefined, 'BARGH'))
        .status,
    ).toBe(404);

    const edited = `${preview.body.text} لوله تعمیر شد.`;
    const answered = await call('POST', `/api/agency/requests/${code}/answer`, {
      outcome: 'positive',
      templateId,
      text: edited,
    });
    expect(answered.status).toBe(200);
    const answer = (await flow.events(code)).find((e) => e.type === 'RequestAnswered')!;
    expect(answer.data).toMatchObject({ text: edited, template: { templateId, version: 1 } });

    const history = await waitFor('the answer in the history', async () => {
      const res = await requestJson('GET', `${reporting.baseUrl}/api/requests/${code}/history`, {
        headers: await bearer('auditor'),
      });
      return JSON.stringify(res.body).includes(templateId) ? res : undefined;
    });
    expect(history.status).toBe(200);
  });

  it('answers with the template alone: filled at answer time, recorded with its version', async () => {
    const created = await call('POST', '/api/agency/templates', { title: 'تنها', body: BODY });
    const templateId = created.body.templateId as string;
    const code = await flow.register('WAT-CUT', 'BND');
    await flow.waitForEvent(code, 'RequestRoutedToAgency');
    const answered = await call('POST', `/api/agency/requests/${code}/answer`, {
      outcome: 'negative',
      templateId,
    });
    expect(answered.status).toBe(200);
    const answer = (await flow.events(code)).find((e) => e.type === 'RequestAnswered')!;
    expect(answer.data).toMatchObject({ template: { templateId, version: 1 } });
    expect((answer.data as { text: string }).text).toContain(`${citizen.fullName} گرامی، درخواست ${code}`);
    const missing = await call('POST', `/api/agency/requests/${code}/answer`, { outcome: 'negative' });
    expect(missing.status).toBe(400);
  });
});
