// Provincial-trip campaigns (ADR 28) and attachments (ADR 29) over HTTP against real PostgreSQL and Kafka:
// intake (campaigns, letters, files, erasure), routing (capped due dates), agency (downloads), reporting (board).
import ExcelJS from 'exceljs';
import { nameOf } from '@samad/reference-data';
import {
  endOfTehranDay,
  formatJalaliDate,
  jalaliOfGregorianKey,
  tehranDateKey,
} from '@samad/request-lifecycle';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { RequestFlow } from '../support/request-flow';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';

const MAX_BYTES = 64 * 1024;

/** A valid national code no other test uses (so erasing its citizen touches only this test's requests). */
const freshNationalCode = (): string => {
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
  digits[0] = 1 + (digits[0] % 9);
  const r = digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11;
  return [...digits, r < 2 ? r : 11 - r].join('');
};

const pdf = (text: string): Buffer =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << >>\n%%EOF\n`, 'utf8');
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256, 1)]);
const mz = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 0x90)]);

describe('provincial-trip campaigns and attachments', () => {
  let flow: RequestFlow;
  let routing: InProcessService;
  let agency: InProcessService;
  let intake: InProcessService;
  let reporting: InProcessService;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    intake = await startInProcess('intake', (config) => IntakeModule.register(config), {
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
    });
    reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
  });

  afterAll(async () => {
    await reporting?.close();
    await intake?.close();
    await agency?.close();
    await routing?.close();
    await flow?.close();
  });

  const operator = () => bearer('operator', { sub: 'op-trip' });
  const supervisor = () => bearer('supervisor', { sub: 'supervisor-trip' });
  const todayJalali = () =>
    formatJalaliDate(jalaliOfGregorianKey(tehranDateKey(new Date()))).replace(/-/g, '/');

  const createCampaign = async (body: Json = {}) =>
    requestJson('POST', `${intake.baseUrl}/api/campaigns`, {
      headers: await supervisor(),
      body: {
        name: 'سفر استانی به هرمزگان',
        countyCodes: ['BND', 'MIN'],
        startsOn: todayJalali(),
        endsOn: todayJalali(),
        targetOn: todayJalali(),
        ...body,
      },
    });

  const registerLetter = async (
    campaign: Json | undefined,
    countyCode = 'BND',
    nationalCode = freshNationalCode(),
  ) =>
    requestJson('POST', `${intake.baseUrl}/api/requests`, {
      headers: await operator(),
      body: {
        channel: 'trip_letter',
        kind: 'demand',
        collective: false,
        citizens: [{ nationalCode, fullName: 'مريم كاظمي', mobile: '۰۹۱۷۱۲۳۴۵۶۷' }],
        countyCode,
        categoryCode: 'WAT-CUT',
        description: 'نامه‌ی مردمی در سفر استانی: قطعی آب',
        ...(campaign && { campaign }),
      },
    });

  const attach = async (code: string, bytes: Buffer, contentType: string) =>
    fetch(`${intake.baseUrl}/api/requests/${code}/attachments`, {
      method: 'POST',
      headers: { ...(await operator()), 'content-type': contentType },
      body: bytes,
    });

  const agencyGet = async (path: string, agencyCode = 'ABFA') =>
    fetch(`${agency.baseUrl}/api/agency/requests/${path}`, {
      headers: await bearer('agency_staff', { agency: agencyCode, sub: `staff-${agencyCode}` }),
    });

  const inInbox = (code: string) =>
    waitFor(`${code} in ABFA's inbox`, async () => {
      const { rows } = await flow.sql.query(`SELECT 1 FROM agency.inbox WHERE tracking_code = $1`, [code]);
      return rows.length > 0 ? true : undefined;
    });

  it('a campaign board shows its letters’ progress, capped due dates, and exports CSV and XLSX', async () => {
    const created = await createCampaign();
    expect(created.status).toBe(201);
    const campaignId = created.body.id as string;
    const targetAt = endOfTehranDay(tehranDateKey(new Date())).toISOString();
    expect(created.body).toMatchObject({ status: 'open', targetAt, countyCodes: ['BND', 'MIN'] });

    const letter = { id: campaignId, letterNumber: '۱۲۳/ص/۱۴۰۵', letterDate: todayJalali() };
    const first = await registerLetter(letter, 'BND');
    const second = await registerLetter(
      { ...letter, letterNumber: '۱۲۴/ص/۱۴۰۵', letterDate: '2026-12-01' },
      'MIN',
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    const [a, b] = [first.body.trackingCode as string, second.body.trackingCode as string];

    // The event records the letter; routing caps the due date at the end of the target day (Tehran).
    const registered = (await flow.events(a)).find((e) => e.type === 'RequestRegistered')!.data as Json;
    expect(registered.campaign).toEqual({
      campaignId,
      letterNumber: '۱۲۳/ص/۱۴۰۵',
      letterDate: tehranDateKey(new Date()),
      targetAt,
      campaignName: 'سفر استانی به هرمزگان',
    });
    for (const code of [a, b]) {
      const routed = await flow.waitForEvent(code, 'RequestRoutedToAgency');
      expect((routed.data as Json).dueAt).toBe(targetAt);
    }

    // Answer one of them.
    await inInbox(a);
    const answered = await requestJson('POST', `${agency.baseUrl}/api/agency/requests/${a}/answer`, {
      headers: await bearer('agency_staff', { agency: 'ABFA', sub: 'staff-ABFA' }),
      body: { outcome: 'positive', text: 'آب وصل شد' },
    });
    expect(answered.status).toBe(200);

    const boardUrl = `${reporting.baseUrl}/api/reports/campaigns/${campaignId}/board`;
    const board = await waitFor('the board to count the answer', async () => {
      const res = await requestJson('GET', boardUrl, { headers: await supervisor() });
      return res.body.total?.answered === 1 ? res : undefined;
    });
    expect(board.status).toBe(200);
    expect(board.body.total).toEqual({
      received: 2,
      answered: 1,
      answeredBeforeTarget: 1,
      overdue: 0,
      escalated: 0,
    });
    expect(board.body.lines).toEqual([
      expect.objectContaining({ agencyCode: 'ABFA', countyCode: 'BND', received: 1, answered: 1 }),
      expect.objectContaining({ agencyCode: 'ABFA', countyCode: 'MIN', received: 1, answered: 0 }),
    ]);
    // Named, not only coded: the campaign, each agency and county in Persian (reference data).
    const agencyFa = nameOf('agency', 'ABFA').nameFa;
    expect(board.body).toMatchObject({ campaignId, campaignName: 'سفر استانی به هرمزگان' });
    expect(board.body.lines[0]).toMatchObject({ agencyNameFa: agencyFa, countyNameFa: 'بندرعباس' });
    expect(board.body.lines[1]).toMatchObject({ countyNameFa: nameOf('county', 'MIN').nameFa });

    // Only supervisors see it.
    const asOperator = await requestJson('GET', boardUrl, { headers: await operator() });
    expect(asOperator.status).toBe(403);

    const csv = await fetch(`${boardUrl}?format=csv`, { headers: await supervisor() });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const csvText = csvBytes.toString('utf8');
    expect(csvText).toContain('پاسخ پیش از موعد سفر');
    expect(csvText).toContain('جمع کل,,,,2,1,1,0,0');
    expect(csvText).toContain('سفر,سفر استانی به هرمزگان\r\n');
    expect(csvText).toContain(`${agencyFa},ABFA,بندرعباس,BND,1,1,1,0,0`);

    const xlsx = await fetch(boardUrl, {
      headers: {
        ...(await supervisor()),
        accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    const values = sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(values).toContainEqual(['موعد پاسخ', expect.stringMatching(/ ۱۴[۰-۹]{2}، ۲۳:۵۹$/)]); // Jalali, end of day
    expect(values).toContainEqual(expect.arrayContaining(['دریافتی', 'پاسخ‌داده‌شده', 'معوق']));
    expect(values).toContainEqual(['جمع کل', '', '', '', 2, 1, 1, 0, 0]);
    expect(values).toContainEqual(['سفر', 'سفر استانی به هرمزگان']);
    expect(values).toContainEqual(['شناسه سفر', campaignId]);
    expect(values).toContainEqual([agencyFa, 'ABFA', 'بندرعباس', 'BND', 1, 1, 1, 0, 0]);
  });

  it('refuses an unknown or closed campaign and a county outside it, with a Problem', async () => {
    const created = await createCampaign({ countyCodes: ['MIN'] });
    const letter = { id: created.body.id, letterNumber: '۹۹', letterDate: '۱۴۰۵/۰۹/۱۱' };
    const listed = await requestJson('GET', `${intake.baseUrl}/api/campaigns?status=open`, {
      headers: await operator(),
    });
    expect((listed.body.items as Json[]).map((c) => c.id)).toContain(created.body.id);

    const outside = await registerLetter(letter, 'BND');
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('CAMPAIGN_COUNTY_MISMATCH');

    const unknown = await registerLetter({ ...letter, id: '00000000-0000-4000-8000-000000000000' }, 'MIN');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CAMPAIGN_NOT_FOUND');

    const badDate = await registerLetter({ ...letter, letterDate: '1405/13/01' }, 'MIN');
    expect(badDate.status).toBe(400);

    const closed = await requestJson('POST', `${intake.baseUrl}/api/campaigns/${created.body.id}/close`, {
      headers: await supervisor(),
    });
    expect(closed.body.status).toBe('closed');
    // The operator's picker lists open campaigns only: the closed one is gone from it, not from the list.
    const openIds = async (query: string) =>
      (
        (await requestJson('GET', `${intake.baseUrl}/api/campaigns${query}`, { headers: await operator() }))
          .body.items as Json[]
      ).map((c) => c.id);
    expect(await openIds('?status=open')).not.toContain(created.body.id);
    expect(await openIds('')).toContain(created.body.id);
    const late = await registerLetter(letter, 'MIN');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CAMPAIGN_CLOSED');
  });

  it('an attached PDF survives the round trip for its agency, not another, and disappears on erasure', async () => {
    const nationalCode = freshNationalCode();
    const registered = await registerLetter(undefined, 'BND', nationalCode);
    const code = registered.body.trackingCode as string;
    const file = pdf(`letter of ${code}`);

    const added = await attach(code, file, 'application/octet-stream');
    expect(added.status).toBe(201);
    const metadata = (await added.json()) as Json;
    expect(metadata).toMatchObject({ contentType: 'application/pdf', size: file.length });

    // The stream records what the file is, never its bytes; the table holds them sealed.
    const event = await flow.waitForEvent(code, 'AttachmentAdded');
    expect(event.data).toEqual(
      expect.objectContaining({ attachmentId: metadata.id, size: file.length, sha256: metadata.sha256 }),
    );
    const { rows } = await flow.sql.query(
      `SELECT content FROM personal_data.attachment_contents WHERE id = $1`,
      [metadata.id],
    );
    expect((rows[0].content as Buffer).includes(Buffer.from('%PDF'))).toBe(false);

    await inInbox(code);
    const listed = await agencyGet(`${code}/attachments`);
    expect(((await listed.json()) as Json[]).map((m) => m.id)).toEqual([metadata.id]);
    const downloaded = await agencyGet(`${code}/attachments/${metadata.id}`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(file)).toBe(true);

    // Another agency: as if it did not exist.
    expect((await agencyGet(`${code}/attachments/${metadata.id}`, 'BARGH')).status).toBe(404);
    expect((await agencyGet(`${code}/attachments`, 'BARGH')).status).toBe(404);

    const erased = await requestJson('POST', `${intake.baseUrl}/api/admin/citizens/erase`, {
      headers: await bearer('admin', { sub: 'admin-1' }),
      body: { nationalCode },
    });
    expect(erased.status).toBe(200);
    const gone = await flow.sql.query(
      `SELECT (SELECT count(*) FROM personal_data.attachment_contents WHERE id = $1)::int AS contents,
              (SELECT count(*) FROM personal_data.attachments WHERE id = $1)::int AS metadata`,
      [metadata.id],
    );
    expect(gone.rows[0]).toEqual({ contents: 0, metadata: 0 });
    expect((await agencyGet(`${code}/attachments/${metadata.id}`)).status).toBe(404);
  });

  it('accepts multipart uploads and refuses renamed executables and oversize files, storing nothing', async () => {
    const code = (await registerLetter(undefined)).body.trackingCode as string;
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]);
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'application/pdf' }), 'scan.pdf');
    const multipart = await fetch(`${intake.baseUrl}/api/requests/${code}/attachments`, {
      method: 'POST',
      headers: await operator(),
      body: form,
    });
    expect(multipart.status).toBe(201);
    expect(((await multipart.json()) as Json).contentType).toBe('image/png');

    for (const executable of [elf, mz]) {
      const renamed = new FormData();
      renamed.append('file', new Blob([executable], { type: 'application/pdf' }), 'letter.pdf');
      const refused = await fetch(`${intake.baseUrl}/api/requests/${code}/attachments`, {
        method: 'POST',
        headers: await operator(),
        body: renamed,
      });
      expect(refused.status).toBe(415);
      expect(((await refused.json()) as Json).code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    }
    const raw = await attach(code, elf, 'application/pdf');
    expect(raw.status).toBe(415);

    const oversize = await attach(
      code,
      Buffer.concat([pdf('big'), Buffer.alloc(MAX_BYTES)]),
      'application/pdf',
    );
    expect(oversize.status).toBe(413);
    expect(((await oversize.json()) as Json).code).toBe('ATTACHMENT_TOO_LARGE');

    const { rows } = await flow.sql.query(
      `SELECT count(*)::int AS n FROM personal_data.attachments WHERE tracking_code = $1`,
      [code],
    );
    expect(rows[0].n).toBe(1);
    expect((await flow.events(code)).filter((e) => e.type === 'AttachmentAdded')).toHaveLength(1);
  });

  it('registers a letter with its scans in one multipart call, once under a retry, or not at all', async () => {
    const registration = {
      channel: 'trip_letter',
      kind: 'demand',
      collective: false,
      citizens: [{ nationalCode: freshNationalCode(), fullName: 'مريم كاظمي', mobile: '۰۹۱۷۱۲۳۴۵۶۷' }],
      countyCode: 'BND',
      categoryCode: 'WAT-CUT',
      description: 'نامه‌ی مردمی در سفر استانی با پیوست',
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(32, 3),
    ]);
    const formOf = (files: Buffer[], body: Json = registration): FormData => {
      const form = new FormData();
      form.append('registration', JSON.stringify(body));
      files.forEach((bytes, i) => form.append('files', new Blob([bytes]), `page-${i}.pdf`));
      return form;
    };
    const send = async (form: FormData, key?: string) =>
      fetch(`${intake.baseUrl}/api/requests`, {
        method: 'POST',
        headers: { ...(await operator()), ...(key && { 'idempotency-key': key }) },
        body: form,
      });

    const key = `multipart-${Date.now()}`;
    const first = await send(formOf([pdf('page one'), png]), key);
    expect(first.status).toBe(201);
    const body = (await first.json()) as Json;
    const code = body.trackingCode as string;
    expect(body.attachments).toEqual([
      expect.objectContaining({ trackingCode: code, contentType: 'application/pdf' }),
      expect.objectContaining({ trackingCode: code, contentType: 'image/png' }),
    ]);
    // A retry with the same key registers nothing new and attaches nothing twice.
    const again = await send(formOf([pdf('page one'), png]), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const replayed = (await again.json()) as Json;
    expect(replayed.trackingCode).toBe(code);
    expect((replayed.attachments as Json[]).map((a) => a.id)).toEqual(
      (body.attachments as Json[]).map((a) => a.id),
    );
    expect((await flow.events(code)).filter((e) => e.type === 'AttachmentAdded')).toHaveLength(2);
    // The agency holding it sees both files.
    await inInbox(code);
    const listed = await agencyGet(`${code}/attachments`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).toContain('image/png');

    // A renamed executable among the files refuses the whole registration: nothing is registered.
    const registrations = async (): Promise<number> =>
      (
        await flow.sql.query(
          `SELECT count(*)::int AS n FROM event_store.events WHERE event_type = 'RequestRegistered'`,
        )
      ).rows[0].n as number;
    const before = await registrations();
    const refused = await send(formOf([pdf('fine'), elf]));
    expect(refused.status).toBe(415);
    expect(((await refused.json()) as Json).code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(await registrations()).toBe(before);
    // Without its registration part, or with broken JSON: 400 with the field named.
    const noPart = new FormData();
    noPart.append('files', new Blob([pdf('x')]), 'x.pdf');
    const missing = await send(noPart);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('registration');
  });
});
