// Open311 GeoReport v2 with FixMyStreet's servicerequestupdates (ADR 0032), over HTTP against the real
// broker and database: intake (the Open311 endpoints), routing (routes the filed request) and agency (answers
// it) in-process. JSON answers are checked against schemas written from the spec, XML for well-formedness
// and the spec's element names; the round trip ends with the agency's answer published as status_notes.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson, type Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { open311SchemaErrors, open311Schemas } from '../support/open311-schemas';
import { RequestFlow } from '../support/request-flow';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';

type Schema = keyof typeof open311Schemas;
const citizen = { nationalCode: '0499370899', first: 'زهرا', last: 'کریمی', phone: '09171234567' };
const DESCRIPTION = 'لوله آب جلوی خانه‌ی ما سه روز است که نشت می‌کند';
const ANSWER = 'لوله در محل تعمیر شد و آب وصل است';
const parser = new XMLParser();

describe('Open311 GeoReport v2', () => {
  let flow: RequestFlow;
  let intake: InProcessService;
  let routing: InProcessService;
  let agency: InProcessService;
  let apiKey: string;
  let clientId: string;

  const url = (path: string) => `${intake.baseUrl}/open311/v2/${path}`;

  /** A GET in JSON, checked against its schema. */
  const getJson = async (path: string, schema: Schema, status = 200): Promise<Json> => {
    const res = await fetch(url(path));
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as Json;
    expect({
      status: res.status,
      errors: open311SchemaErrors(status === 200 ? schema : 'errors', body),
    }).toEqual({
      status,
      errors: [],
    });
    return body;
  };

  /** A GET in XML: well-formed, UTF-8 declared, under the expected root; answers it parsed. */
  const getXml = async (path: string, root: string, status = 200): Promise<Json> => {
    const res = await fetch(url(path));
    const text = await res.text();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const parsed = parser.parse(text) as Json;
    expect(Object.keys(parsed).filter((k) => k !== '?xml')).toEqual([root]);
    return parsed[root] as Json;
  };

  const asArray = <T>(value: T | T[] | undefined): T[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  const post = async (path: string, fields: Record<string, string>) => {
    const res = await fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form(fields),
    });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };

  const filing = (overrides: Record<string, string> = {}): Record<string, string> => ({
    api_key: apiKey,
    jurisdiction_id: 'hormozgan',
    service_code: 'WAT-LEAK',
    lat: '27.18325',
    long: '56.26667',
    address_string: 'بندرعباس، خیابان امام، کوچه ۱۲',
    'attribute[county]': 'BND',
    'attribute[national_code]': citizen.nationalCode,
    'attribute[kind]': 'complaint',
    first_name: citizen.first,
    last_name: citizen.last,
    phone: citizen.phone,
    email: 'zahra@example.com',
    device_id: 'device-42',
    description: DESCRIPTION,
    media_url: 'https://img.example/leak.jpg',
    ...overrides,
  });

  const fileOne = async (overrides: Record<string, string> = {}): Promise<string> => {
    const res = await post('requests.json', filing(overrides));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as Json[];
    expect(open311SchemaErrors('created', body)).toEqual([]);
    return body[0].service_request_id as string;
  };

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    intake = await startInProcess('intake', (config) => IntakeModule.register(config));
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
    const issued = await requestJson('POST', `${intake.baseUrl}/api/admin/open311/clients`, {
      body: { name: 'FixMyStreet Bandar Abbas', ratePerMinute: 600 },
      headers: await bearer('admin', { sub: 'admin-open311' }),
    });
    expect(issued.status).toBe(201);
    apiKey = issued.body.apiKey as string;
    clientId = issued.body.client.id as string;
  });

  afterAll(async () => {
    await agency?.close();
    await intake?.close();
    await routing?.close();
    await flow?.close();
  });

  describe('clients and keys', () => {
    it('only an administrator issues and lists keys; the list never shows a key or its hash', async () => {
      const asOperator = await requestJson('POST', `${intake.baseUrl}/api/admin/open311/clients`, {
        body: { name: 'x', ratePerMinute: 1 },
        headers: await bearer('operator'),
      });
      expect(asOperator.status).toBe(403);
      const listed = await requestJson('GET', `${intake.baseUrl}/api/admin/open311/clients`, {
        headers: await bearer('admin'),
      });
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: clientId, name: 'FixMyStreet Bandar Abbas', ratePerMinute: 600 }),
        ]),
      );
      expect(JSON.stringify(listed.body)).not.toContain(apiKey);
      const { rows } = await flow.sql.query(`SELECT key_sha256 FROM intake.open311_clients WHERE id = $1`, [
        clientId,
      ]);
      expect(rows[0].key_sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('refuses a wrong key (403), a revoked key (403) and an emptied bucket (429 with Retry-After)', async () => {
      expect((await post('requests.json', filing({ api_key: 'o311_not-a-key' }))).status).toBe(403);
      const xml = await post('requests.xml', filing({ api_key: '' }));
      expect(xml.status).toBe(403);
      expect(parser.parse(xml.text)).toEqual({
        '?xml': '',
        errors: { error: { code: 403, description: expect.any(String) } },
      });

      const admin = await bearer('admin');
      const small = await requestJson('POST', `${intake.baseUrl}/api/admin/open311/clients`, {
        body: { name: 'Small client', ratePerMinute: 1, burst: 2 },
        headers: admin,
      });
      const key = small.body.apiKey as string;
      // Each call spends a token whatever it asks (here: no description, 400); the third finds none left.
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await post('requests.json', filing({ api_key: key, description: '' }))).status);
      expect(statuses).toEqual([400, 400, 429]);
      const limited = await post('requests.json', filing({ api_key: key }));
      expect(limited.headers.get('retry-after')).toBe('60');
      expect(open311SchemaErrors('errors', JSON.parse(limited.text))).toEqual([]);

      const revoked = await requestJson(
        'POST',
        `${intake.baseUrl}/api/admin/open311/clients/${small.body.client.id}/revoke`,
        {
          headers: admin,
        },
      );
      expect(revoked.status).toBe(204);
      expect((await post('requests.json', filing({ api_key: key }))).status).toBe(403);
    });
  });

  describe('discovery, services and definitions', () => {
    it('discovery names the production and test endpoints in both formats', async () => {
      const json = await getJson('discovery.json', 'discovery');
      expect(json.endpoints.map((e: Json) => e.type)).toEqual(['production', 'test']);
      expect(json.endpoints[0].url).toBe(`${intake.baseUrl}/open311/v2/`);
      const xml = await getXml('discovery.xml', 'discovery');
      expect(Object.keys(xml)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
      expect(asArray(xml.endpoints.endpoint)[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        type: 'production',
        formats: { format: ['application/json', 'text/xml'] },
      });
    });

    it('lists one service per category, in Persian by default and English with locale=en', async () => {
      const fa = await getJson('services.json', 'services');
      const leak = fa.find((s: Json) => s.service_code === 'WAT-LEAK');
      expect(leak).toMatchObject({
        service_name: 'نشت لوله آب',
        group: 'آب و فاضلاب',
        metadata: true,
        type: 'realtime',
      });
      const en = await getJson('services.json?locale=en&jurisdiction_id=hormozgan', 'services');
      expect(en.find((s: Json) => s.service_code === 'WAT-LEAK')).toMatchObject({
        service_name: 'Water main leak',
        group: 'Water and sewerage',
      });
      const xml = await getXml('services.xml', 'services');
      expect(asArray(xml.service)).toHaveLength(fa.length);
      expect(Object.keys(asArray(xml.service)[0])).toEqual([
        'service_code',
        'service_name',
        'description',
        'metadata',
        'type',
        'keywords',
        'group',
      ]);
      await getJson('services.json?jurisdiction_id=tehran', 'errors', 404);
    });

    it('defines the attributes registration needs, the county as a list of Hormozgan’s 13 counties', async () => {
      const json = await getJson('services/WAT-LEAK.json', 'serviceDefinition');
      // ADR 39: without a national code the request is registered against the mobile (`phone`).
      expect(json.attributes.find((a: Json) => a.code === 'national_code')).toMatchObject({
        required: false,
        order: 1,
      });
      const county = json.attributes.find((a: Json) => a.code === 'county');
      expect(county).toMatchObject({ datatype: 'singlevaluelist', required: true, order: 2 });
      expect(county.values).toHaveLength(13);
      expect(county.values[0]).toEqual({ key: 'BND', name: 'بندرعباس' });
      expect(json.attributes.map((a: Json) => a.code)).toEqual([
        'national_code',
        'county',
        'kind',
        'collective',
      ]);
      const en = await getJson('services/WAT-LEAK.json?locale=en', 'serviceDefinition');
      expect(en.attributes[1].values[0]).toEqual({ key: 'BND', name: 'Bandar Abbas' });
      const xml = await getXml('services/WAT-LEAK.xml', 'service_definition');
      const attributes = asArray(xml.attributes.attribute);
      expect(asArray(attributes[1].values.value)).toHaveLength(13);
      expect(Object.keys(attributes[0])).toEqual([
        'variable',
        'code',
        'datatype',
        'required',
        'datatype_description',
        'order',
        'description',
      ]);
      await getJson('services/NOPE.json', 'errors', 404);
      await getXml('services/NOPE.xml', 'errors', 404);
      await getJson('services/WAT-LEAK.yaml', 'errors', 400);
    });
  });

  describe('filing', () => {
    it('refuses what Samad cannot register, each with a 400 naming the parameter, and stores nothing', async () => {
      const before = await flow.sql.query(`SELECT count(*)::int AS n FROM intake.open311_requests`);
      const cases: [Record<string, string>, number, RegExp][] = [
        [{ 'attribute[county]': '' }, 400, /attribute\[county\] is required/],
        // Without a national code the mobile is the citizen's identity: it must be there, and valid.
        [{ 'attribute[national_code]': '', phone: '' }, 400, /phone/],
        [{ 'attribute[national_code]': '', phone: '07633331111' }, 400, /phone/],
        [{ 'attribute[national_code]': '0499370898' }, 400, /attribute\[national_code\]/],
        [{ phone: '07633331111' }, 400, /phone/],
        [{ lat: '35.6892', long: '51.3890' }, 400, /outside Hormozgan/],
        [{ lat: '27.1', long: '' }, 400, /together/],
        [{ service_code: 'NOPE' }, 404, /service_code/],
        [{ jurisdiction_id: 'tehran' }, 404, /jurisdiction/],
        [{ 'attribute[collective]': 'true' }, 400, /collective/],
      ];
      for (const [overrides, status, description] of cases) {
        const res = await post('requests.json', filing(overrides));
        const body = JSON.parse(res.text) as Json[];
        expect({
          status: res.status,
          errors: open311SchemaErrors('errors', body),
          match: description.test(body[0].description),
        }).toEqual({
          status,
          errors: [],
          match: true,
        });
      }
      const after = await flow.sql.query(`SELECT count(*)::int AS n FROM intake.open311_requests`);
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('registers through the operator’s path (channel web, the client named) and answers a tracking code and token', async () => {
      const res = await post('requests.xml', filing());
      expect(res.status).toBe(200);
      expect(XMLValidator.validate(res.text)).toBe(true);
      const created = (parser.parse(res.text) as Json).service_requests.request as Json;
      expect(Object.keys(created)).toEqual(['service_request_id', 'token', 'service_notice']);
      const code = String(created.service_request_id).padStart(10, '0');
      const [registered] = await flow.events(code);
      expect(registered.type).toBe('RequestRegistered');
      expect(registered.data).toMatchObject({
        channel: 'web',
        kind: 'complaint',
        countyCode: 'BND',
        categoryCode: 'WAT-LEAK',
        registeredBy: `open311:${clientId}`,
        citizens: [
          {
            nationalCode: citizen.nationalCode,
            fullName: `${citizen.first} ${citizen.last}`,
            mobile: citizen.phone,
          },
        ],
      });
      expect((registered.data as Json).description).toContain('نشانی: بندرعباس، خیابان امام، کوچه ۱۲');
      expect(registered.metadata.actor).toEqual({ id: `open311:${clientId}`, role: 'citizen' });

      const token = await getJson(`tokens/${created.token}.json`, 'tokens');
      expect(token).toEqual([{ service_request_id: code, token: created.token }]);
      const tokenXml = await getXml(`tokens/${created.token}.xml`, 'service_requests');
      expect(String(tokenXml.request.service_request_id).padStart(10, '0')).toBe(code);
      await getJson('tokens/00000000-0000-4000-8000-000000000000.json', 'errors', 404);
    });

    it('registers a filing without a national code against the mobile (ADR 39)', async () => {
      const { 'attribute[national_code]': _n, ...withoutCode } = filing();
      const res = await post('requests.json', withoutCode);
      expect(res.status).toBe(200);
      const [created] = JSON.parse(res.text) as Json[];
      expect(open311SchemaErrors('created', [created])).toEqual([]);
      const [registered] = await flow.events(created.service_request_id);
      expect(registered.data).toMatchObject({
        channel: 'web',
        registeredBy: `open311:${clientId}`,
        citizens: [
          { nationalCode: null, fullName: `${citizen.first} ${citizen.last}`, mobile: citizen.phone },
        ],
      });
      // An empty attribute reads as absent, in a form or a JSON body.
      const empty = await post('requests.json', filing({ 'attribute[national_code]': '' }));
      expect(empty.status).toBe(200);
      const [emptyCreated] = JSON.parse(empty.text) as Json[];
      const [fromEmpty] = await flow.events(emptyCreated.service_request_id);
      expect((fromEmpty.data as Json).citizens[0].nationalCode).toBeNull();
    });

    it('takes a JSON body too, with attributes nested', async () => {
      const {
        'attribute[county]': _c,
        'attribute[national_code]': _n,
        'attribute[kind]': _k,
        ...rest
      } = filing();
      const res = await requestJson('POST', url('requests.json'), {
        body: { ...rest, attribute: { county: 'MIN', national_code: citizen.nationalCode } },
      });
      expect(res.status).toBe(200);
      const [registered] = await flow.events(res.body[0].service_request_id);
      expect(registered.data).toMatchObject({ countyCode: 'MIN', kind: 'request' });
    });
  });

  describe('following a request', () => {
    const personal = [
      citizen.nationalCode,
      citizen.phone,
      citizen.first,
      citizen.last,
      'نشت می‌کند',
      'خیابان امام',
      'example',
    ];
    const staff = () => bearer('agency_staff', { agency: 'ABFA', sub: 'staff-open311' });
    const act = async (code: string, action: string, body?: object) =>
      requestJson('POST', `${agency.baseUrl}/api/agency/requests/${code}/${action}`, {
        body,
        headers: await staff(),
      });

    it('discover → services → definition → file → token → request → the agency answers → closed, with the update', async () => {
      await getJson('discovery.json', 'discovery');
      await getJson('services.json', 'services');
      await getJson('services/WAT-LEAK.json', 'serviceDefinition');
      const filed = JSON.parse((await post('requests.json', filing())).text) as Json[];
      const code = filed[0].service_request_id as string;
      expect(await getJson(`tokens/${filed[0].token}.json`, 'tokens')).toEqual([
        { service_request_id: code, token: filed[0].token },
      ]);

      const fresh = await getJson(`requests/${code}.json`, 'requests');
      expect(fresh).toEqual([
        expect.objectContaining({
          service_request_id: code,
          status: 'open',
          service_code: 'WAT-LEAK',
          address: 'بندرعباس',
          lat: 27.183,
          long: 56.267,
        }),
      ]);
      expect(fresh[0].status_notes).toBeUndefined();

      await flow.waitForEvent(code, 'RequestRoutedToAgency');
      const routed = await getJson(`requests/${code}.json`, 'requests');
      expect(routed[0]).toMatchObject({
        agency_responsible: 'شرکت آب و فاضلاب استان هرمزگان',
        expected_datetime: expect.any(String),
      });

      // The agency works in Samad as always: its inbox learns of the request over Kafka.
      await waitFor('the request in ABFA’s hands', async () =>
        (await act(code, 'acknowledge')).status === 200 ? true : undefined,
      );
      expect((await act(code, 'answer', { outcome: 'positive', text: ANSWER })).status).toBe(200);

      const closed = await getJson(`requests/${code}.json?locale=en`, 'requests');
      expect(closed[0]).toMatchObject({
        status: 'closed',
        status_notes: ANSWER,
        service_name: 'Water main leak',
        address: 'Bandar Abbas',
      });
      expect(closed[0].expected_datetime).toBeUndefined();
      const xml = await getXml(`requests/${code}.xml`, 'service_requests');
      expect(xml.request).toMatchObject({ status: 'closed', status_notes: ANSWER });
      expect(Object.keys(xml.request)).toEqual(
        expect.arrayContaining([
          'service_request_id',
          'status',
          'status_notes',
          'agency_responsible',
          'requested_datetime',
          'updated_datetime',
        ]),
      );

      const start = new Date(Date.now() - 3_600_000).toISOString();
      const updates = await waitFor('the answer among the updates', async () => {
        const all = (await getJson(`servicerequestupdates.json?start_date=${start}`, 'updates')).filter(
          (u: Json) => u.service_request_id === code,
        );
        return all.some((u: Json) => u.status === 'FIXED') ? all : undefined;
      });
      expect(updates.map((u: Json) => u.status)).toEqual([
        'OPEN',
        'INTERNAL_REFERRAL',
        'INVESTIGATING',
        'FIXED',
      ]);
      expect(updates[3].description).toBe(ANSWER);
      const updatesXml = await getXml(
        `servicerequestupdates.xml?start_date=${start}`,
        'service_requests_updates',
      );
      const mine = asArray(updatesXml.request_update as Json[]).filter(
        (u) => String(u.service_request_id).padStart(10, '0') === code,
      );
      expect(mine.map((u) => u.status)).toEqual(['OPEN', 'INTERNAL_REFERRAL', 'INVESTIGATING', 'FIXED']);
      expect(Object.keys(mine[0])).toEqual([
        'update_id',
        'service_request_id',
        'status',
        'updated_datetime',
        'description',
      ]);

      // No personal data in any GET answer: not the citizen, not their words or address.
      const everything = JSON.stringify([fresh, routed, closed, xml, updates, updatesXml]);
      for (const value of personal) expect(everything).not.toContain(value);
    });

    it('without a national code: file → token → request, found by the mobile, erased by the mobile (ADR 39)', async () => {
      const mobile = `0917${String(Date.now()).slice(-7)}`;
      const { 'attribute[national_code]': _n, ...withoutCode } = filing({ phone: mobile });
      const filed = JSON.parse((await post('requests.json', withoutCode)).text) as Json[];
      const code = filed[0].service_request_id as string;
      expect(await getJson(`tokens/${filed[0].token}.json`, 'tokens')).toEqual([
        { service_request_id: code, token: filed[0].token },
      ]);
      expect(await getJson(`requests/${code}.json`, 'requests')).toEqual([
        expect.objectContaining({ service_request_id: code, status: 'open', service_code: 'WAT-LEAK' }),
      ]);

      // Sealed like anyone's: under a key of the citizen's own, found by a digest of the mobile.
      const { rows: stored } = await flow.sql.query(
        `SELECT data::text AS data FROM event_store.events WHERE stream_id = $1 ORDER BY stream_revision LIMIT 1`,
        [`request-${code}`],
      );
      expect(stored[0].data).not.toContain(mobile);
      expect(stored[0].data).toContain('citizenRef');

      // The operator finds the caller by the mobile; the agency gets the contact as for anyone.
      const operator = await bearer('operator');
      const found = await waitFor('the mobile-only filing in the caller search', async () => {
        const res = await requestJson('POST', `${intake.baseUrl}/api/requests/search`, {
          body: { mobile },
          headers: operator,
        });
        const codes = (res.body.items as Json[]).map((i) => i.trackingCode);
        return codes.includes(code) ? codes : undefined;
      });
      expect(found).toEqual([code]);
      const inbox = await waitFor('the contact in ABFA’s inbox', async () => {
        const res = await requestJson(
          'GET',
          `${agency.baseUrl}/api/agency/inbox?status=all&trackingCode=${code}`,
          { headers: await staff() },
        );
        return (res.body.items as Json[] | undefined)?.find((i) => i.trackingCode === code);
      });
      expect(inbox.citizen).toEqual({ fullName: `${citizen.first} ${citizen.last}`, mobile });
      // The public lookup proves ownership by the mobile's last four digits, as for everyone.
      const tracked = await fetch(`${intake.baseUrl}/api/track/${code}?mobileLast4=${mobile.slice(-4)}`);
      expect(tracked.status).toBe(200);

      // Erased by the mobile: the key goes, the request stays.
      const admin = await bearer('admin');
      const erased = await requestJson('POST', `${intake.baseUrl}/api/admin/citizens/erase`, {
        body: { mobile },
        headers: admin,
      });
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({ erased: true, requestsAffected: [code] });
      const [registered] = await flow.events(code);
      expect((registered.data as Json).citizens).toEqual([
        { erased: true, nationalCode: null, fullName: null, mobile: null },
      ]);
      await waitFor('the mobile gone from the caller search', async () => {
        const res = await requestJson('POST', `${intake.baseUrl}/api/requests/search`, {
          body: { mobile },
          headers: operator,
        });
        return (res.body.items as Json[]).length === 0 ? true : undefined;
      });
      expect(await getJson(`requests/${code}.json`, 'requests')).toEqual([
        expect.objectContaining({ service_request_id: code }),
      ]);
      const both = await requestJson('POST', `${intake.baseUrl}/api/admin/citizens/erase`, {
        body: { mobile, nationalCode: citizen.nationalCode },
        headers: admin,
      });
      expect(both.status).toBe(400);
    });

    it('a client adds a citizen’s follow-up: recorded in Samad, listed as an update, its words not published', async () => {
      const code = await fileOne();
      const res = await post('servicerequestupdates.json', {
        api_key: apiKey,
        service_request_id: code,
        description: 'هنوز کسی نیامده است',
        status: 'OPEN',
        updated_datetime: new Date().toISOString(),
        first_name: citizen.first,
        last_name: citizen.last,
      });
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text) as Json;
      expect(open311SchemaErrors('updateCreated', body)).toEqual([]);
      const followUp = await flow.waitForEvent(code, 'FollowUpRecorded');
      expect(followUp.data).toMatchObject({ note: 'هنوز کسی نیامده است', channel: 'web' });
      expect(followUp.metadata.actor).toEqual({ id: `open311:${clientId}`, role: 'citizen' });
      expect(body[0].update_id).toBe(`${code}-${followUp.streamRevision}`);

      const start = new Date(Date.now() - 3_600_000).toISOString();
      const listed = await waitFor('the follow-up among the updates', async () => {
        const all = await getJson(`servicerequestupdates.json?start_date=${start}`, 'updates');
        return all.find((u: Json) => u.update_id === body[0].update_id);
      });
      expect(listed.description).not.toContain('کسی نیامده');
      expect(
        (
          await post('servicerequestupdates.json', {
            api_key: apiKey,
            service_request_id: '1234567890',
            description: 'x',
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await post('servicerequestupdates.json', {
            api_key: 'bad',
            service_request_id: code,
            description: 'x',
          })
        ).status,
      ).toBe(403);
    });

    it('lists requests by ids, service code, status and dates (at most 90 days), a page at a time', async () => {
      const leak = await fileOne();
      const outage = await fileOne({ service_code: 'PWR-CUT' });
      const byIds = await getJson(`requests.json?service_request_id=${leak},${outage}`, 'requests');
      expect(byIds.map((r: Json) => r.service_request_id).sort()).toEqual([leak, outage].sort());
      const power = await getJson('requests.json?service_code=PWR-CUT', 'requests');
      expect(power.map((r: Json) => r.service_request_id)).toContain(outage);
      expect(power.every((r: Json) => r.service_code === 'PWR-CUT')).toBe(true);
      const closed = await getJson('requests.json?status=closed', 'requests');
      expect(closed.every((r: Json) => r.status === 'closed')).toBe(true);
      expect(closed.map((r: Json) => r.service_request_id)).not.toContain(leak);
      const page = await getJson('requests.json?page_size=1&page=2', 'requests');
      const firstTwo = await getJson('requests.json?page_size=2', 'requests');
      expect(page).toEqual([firstTwo[1]]);
      const xml = await getXml('requests.xml?page_size=2', 'service_requests');
      expect(asArray(xml.request)).toHaveLength(2);
      await getJson(
        'requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
        'errors',
        400,
      );
      await getJson('requests.json?status=pending', 'errors', 400);
      await getJson('requests.json?start_date=yesterday', 'errors', 400);
      await getJson('requests/1234567890.json', 'errors', 404);
      await getXml('requests/1234567890.xml', 'errors', 404);
      // A request filed by an operator is not published here.
      const byPhone = await flow.register('WAT-CUT', 'BND');
      await getJson(`requests/${byPhone}.json`, 'errors', 404);
    });
  });
});
