import { randomUUID } from 'node:crypto';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  isValidTrackingCode,
  trackingCodeFromNumber,
  type RequestRegistered,
} from '@samad/request-lifecycle';
import { readAllOnce } from '../../../test/support/read-all';
import { registrationSha256 } from '../src/register-request/register-request.handler';
import {
  asOperator,
  citizen,
  get,
  persian,
  post,
  randomMobile,
  randomNationalCode,
  register,
  registrationBody,
  startIntake,
  streamOf,
  withWrongCheckDigit,
  type IntakeUnderTest,
  type Registered,
} from './intake-test-kit';

interface Problem {
  type: string;
  status: number;
  errors?: { field: string; message: string }[];
}

describe('intake: registering requests and the catalog', () => {
  let intake: IntakeUnderTest;

  beforeAll(async () => {
    intake = await startIntake();
  });

  afterAll(async () => {
    await intake.close();
  });

  // Committed rows, not readAll: readAll holds back events until every older transaction in the cluster ends.
  const eventCount = async (): Promise<number> => {
    const [{ n }] = (await intake.dataSource.query('SELECT count(*)::int AS n FROM event_store.events')) as [
      { n: number },
    ];
    return n;
  };
  const keyRows = async (key: string): Promise<number> => {
    const [{ n }] = (await intake.dataSource.query(
      'SELECT count(*)::int AS n FROM intake.idempotency_keys WHERE key = $1',
      [key],
    )) as [{ n: number }];
    return n;
  };

  it('registers a request typed with Persian digits and Arabic letters, stored normalised', async () => {
    const nationalCode = randomNationalCode();
    const mobile = randomMobile();
    const body = registrationBody({
      citizens: [
        {
          nationalCode: persian(`${nationalCode.slice(0, 3)}-${nationalCode.slice(3, 9)}-${nationalCode[9]}`),
          fullName: '  زهرا   كريمي ',
          mobile: persian(`${mobile.slice(0, 4)} ${mobile.slice(4, 7)} ${mobile.slice(7)}`),
        },
      ],
      description: 'آب  محله ي ما قطع است',
    });

    const res = await post(intake.baseUrl, '/api/requests', body, await asOperator('operator-17'));
    expect(res.status).toBe(201);
    const created = (await res.json()) as Registered;
    expect(created).toEqual({
      trackingCode: expect.stringMatching(/^[1-9][0-9]{9}$/),
      trackingCodeFormatted: `${created.trackingCode.slice(0, 3)}-${created.trackingCode.slice(3, 6)}-${created.trackingCode.slice(6)}`,
      status: 'registered',
      priority: 'normal',
      registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      registeredAtJalali: expect.stringMatching(/[۰-۹]{4}/),
      // ADR 27: the caller's open requests in the same category and county; none for a first call.
      possibleDuplicates: [],
    });
    expect(isValidTrackingCode(created.trackingCode)).toBe(true);
    expect(res.headers.get('location')).toBe(`/api/track/${created.trackingCode}`);
    expect(res.headers.get('idempotent-replayed')).toBeNull();

    const [event, ...rest] = await streamOf(intake.store, created.trackingCode);
    expect(rest).toEqual([]);
    expect(event.type).toBe('RequestRegistered');
    expect(event.data).toEqual({
      trackingCode: created.trackingCode,
      kind: 'complaint',
      channel: 'phone',
      collective: false,
      citizens: [{ nationalCode, fullName: 'زهرا کریمی', mobile }],
      countyCode: 'MIN',
      categoryCode: 'WAT-CUT',
      description: 'آب محله ی ما قطع است',
      registeredAt: created.registeredAt,
      registeredBy: 'operator-17',
    });
    expect(event.metadata.actor).toEqual({ id: 'operator-17', role: 'operator' });

    const tracked = await fetch(
      `${intake.baseUrl}/api/track/${created.trackingCode}?mobileLast4=${encodeURIComponent(persian(mobile.slice(-4)))}`,
    );
    expect(tracked.status).toBe(200);
    expect(await tracked.json()).toMatchObject({ trackingCode: created.trackingCode, status: 'registered' });
  });

  it('hands out a different, valid code to each registration', async () => {
    const codes = await Promise.all([1, 2, 3].map(() => register(intake.baseUrl)));
    expect(new Set(codes.map((c) => c.trackingCode)).size).toBe(3);
    for (const { trackingCode } of codes) expect(isValidTrackingCode(trackingCode)).toBe(true);
  });

  it('names every bad field in one 400 and stores nothing, not even the Idempotency-Key', async () => {
    const key = randomUUID();
    const before = await eventCount();
    const res = await post(
      intake.baseUrl,
      '/api/requests',
      registrationBody({
        citizens: [
          citizen({ nationalCode: withWrongCheckDigit(randomNationalCode()), mobile: '0217766554' }),
        ],
        countyCode: 'TEHRAN',
        categoryCode: 'NO-SUCH-CATEGORY',
        description: undefined,
      }),
      { 'idempotency-key': key },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem).toMatchObject({ type: 'urn:samad:problem:invalid-input', status: 400 });
    expect(new Set(problem.errors!.map((e) => e.field))).toEqual(
      new Set([
        'citizens[0].nationalCode',
        'citizens[0].mobile',
        'countyCode',
        'categoryCode',
        'description',
      ]),
    );
    expect(problem.errors!.find((e) => e.field === 'citizens[0].nationalCode')!.message).toContain(
      'check digit',
    );
    expect(await eventCount()).toBe(before);
    expect(await keyRows(key)).toBe(0);
  });

  it.each([
    ['an individual request with two citizens', { citizens: [citizen(), citizen()] }, 'citizens'],
    ['a collective request with one citizen', { collective: true, citizens: [citizen()] }, 'citizens'],
    [
      'the same national code twice',
      (() => {
        const nationalCode = randomNationalCode();
        return { collective: true, citizens: [citizen({ nationalCode }), citizen({ nationalCode })] };
      })(),
      'citizens[1].nationalCode',
    ],
    [
      'a name that is only blanks and joiners',
      { citizens: [citizen({ fullName: ' \u200c ' })] },
      'citizens[0].fullName',
    ],
    [
      'a desk registration without a national code (only web registers by mobile, ADR 39)',
      { channel: 'desk', citizens: [{ ...citizen(), nationalCode: undefined }] },
      'citizens[0].nationalCode',
    ],
    ['an unknown kind', { kind: 'praise' }, 'kind'],
    ['an unknown field', { priority: 'high' }, 'priority'],
  ])('refuses %s, naming the field, and stores nothing', async (_case, overrides, field) => {
    const before = await eventCount();
    const res = await post(intake.baseUrl, '/api/requests', registrationBody(overrides));
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors!.map((e) => e.field)).toContain(field);
    expect(await eventCount()).toBe(before);
  });

  it('accepts a collective request with several citizens', async () => {
    const citizens = [citizen(), citizen(), citizen()];
    const created = await register(intake.baseUrl, registrationBody({ collective: true, citizens }));
    const [event] = await streamOf(intake.store, created.trackingCode);
    expect((event.data as RequestRegistered['data']).citizens.map((c) => c.nationalCode)).toEqual(
      citizens.map((c) => c.nationalCode),
    );
  });

  describe('with an Idempotency-Key', () => {
    it('returns the same request for a retried submit, even typed with Persian digits', async () => {
      const key = randomUUID();
      const body = registrationBody();
      const first = await post(intake.baseUrl, '/api/requests', body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const firstBody = (await first.json()) as Registered;

      const [person] = body.citizens as { nationalCode: string; fullName: string; mobile: string }[];
      const retypedBody = {
        ...body,
        citizens: [{ ...person, nationalCode: persian(person.nationalCode), mobile: persian(person.mobile) }],
      };
      for (const retry of [body, retypedBody]) {
        const again = await post(intake.baseUrl, '/api/requests', retry, { 'idempotency-key': key });
        expect(again.status).toBe(201);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(again.headers.get('location')).toBe(`/api/track/${firstBody.trackingCode}`);
        expect(await again.json()).toEqual(firstBody);
      }
      expect(await streamOf(intake.store, firstBody.trackingCode)).toHaveLength(1);
      expect(await keyRows(key)).toBe(1);
    });

    it('registers exactly one request when five identical submits race', async () => {
      const key = randomUUID();
      const body = registrationBody();
      const responses = await Promise.all(
        [1, 2, 3, 4, 5].map(() => post(intake.baseUrl, '/api/requests', body, { 'idempotency-key': key })),
      );
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as Registered[];
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
      expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);

      const events = await streamOf(intake.store, bodies[0].trackingCode);
      expect(events).toHaveLength(1);
      expect((events[0].data as RequestRegistered['data']).registeredAt).toBe(bodies[0].registeredAt);
      const all = await readAllOnce(intake.store, 'the registration in $all', (read) =>
        read.some((e) => e.id === events[0].id),
      );
      expect(all.filter((e) => e.metadata.causationId === `idem:${key}`)).toHaveLength(1);
    });

    it('answers 422 idempotency-key-reused for a different body under a used key, storing nothing', async () => {
      const key = randomUUID();
      const created = await register(intake.baseUrl, registrationBody(), { 'idempotency-key': key });
      const before = await eventCount();

      const res = await post(
        intake.baseUrl,
        '/api/requests',
        registrationBody({ description: 'موضوع دیگری' }),
        {
          'idempotency-key': key,
        },
      );
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({
        type: 'urn:samad:problem:idempotency-key-reused',
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      expect(await eventCount()).toBe(before);
      expect(await streamOf(intake.store, created.trackingCode)).toHaveLength(1);
    });

    it('finishes a registration whose earlier attempt claimed the key but crashed before appending', async () => {
      const key = randomUUID();
      const person = citizen();
      const body = registrationBody({ citizens: [person] });
      const trackingCode = trackingCodeFromNumber(100_000_000 + Math.floor(Math.random() * 8e8));
      const claimedAt = new Date(Date.now() - 60_000);
      const registration: RequestRegistered['data'] = {
        trackingCode,
        kind: 'complaint',
        channel: 'phone',
        collective: false,
        citizens: [person],
        countyCode: 'MIN',
        categoryCode: 'WAT-CUT',
        description: body.description as string,
        registeredAt: claimedAt.toISOString(),
        registeredBy: 'operator-crash',
      };
      await intake.dataSource.query(
        `INSERT INTO intake.idempotency_keys (key, body_sha256, tracking_code, registered_at) VALUES ($1, $2, $3, $4)`,
        [key, registrationSha256(registration), trackingCode, claimedAt],
      );

      const res = await post(intake.baseUrl, '/api/requests', body, {
        'idempotency-key': key,
        ...(await asOperator('operator-crash')),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('idempotent-replayed')).toBe('true');
      expect(await res.json()).toMatchObject({ trackingCode, registeredAt: claimedAt.toISOString() });
      const events = await streamOf(intake.store, trackingCode);
      expect(events.map((e) => e.data)).toEqual([registration]);
    });

    it('refuses a malformed key', async () => {
      const res = await post(intake.baseUrl, '/api/requests', registrationBody(), {
        'idempotency-key': 'x'.repeat(256),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Problem).errors).toEqual([
        { field: 'Idempotency-Key', message: expect.any(String) },
      ]);
    });
  });

  describe('GET /api/catalog', () => {
    it('lists the 13 counties, the categories with deadlines, the kinds and the channels in Persian', async () => {
      const res = await get(intake.baseUrl, '/api/catalog');
      expect(res.status).toBe(200);
      const catalog = (await res.json()) as {
        counties: { code: string; nameFa: string }[];
        categories: { code: string; deadlineDays: number }[];
        kinds: { code: string; nameFa: string }[];
        channels: { code: string; nameFa: string }[];
      };
      expect(catalog.counties).toHaveLength(13);
      expect(catalog.counties).toContainEqual({ code: 'QSM', nameFa: 'قشم', nameEn: 'Qeshm' });
      expect(catalog.categories).toContainEqual({
        code: 'WAT-CUT',
        nameFa: 'قطعی آب',
        nameEn: 'Water outage',
        deadlineDays: 3,
      });
      expect(catalog.kinds.map((k) => [k.code, k.nameFa])).toEqual([
        ['request', 'درخواست'],
        ['complaint', 'شکایت'],
        ['demand', 'مطالبه'],
      ]);
      expect(catalog.channels.map((c) => c.code)).toEqual(['phone', 'desk', 'trip_letter', 'web']);
      for (const channel of catalog.channels) expect(channel.nameFa).toMatch(/[\u0600-\u06ff]/);
    });
  });

  it('documents every endpoint and its body in OpenAPI', () => {
    const document = SwaggerModule.createDocument(intake.app, new DocumentBuilder().build());
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/requests',
        '/api/catalog',
        '/api/requests/{code}/follow-ups',
        '/api/track/{code}',
      ]),
    );
    const schemas = document.components!.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(Object.keys(schemas.RegisterRequestDto.properties)).toEqual([
      'channel',
      'kind',
      'collective',
      'citizens',
      'countyCode',
      'categoryCode',
      'description',
      'campaign',
      'answeredAtFirstContact',
      'priority',
      'priorityReason',
    ]);
    expect(schemas.TrackRequestResponseDto.properties).not.toHaveProperty('citizens');
    // ADR 39: optional in the schema, required by the decider on every channel but `web`.
    const citizen = schemas.CitizenDto as unknown as { properties: object; required: string[] };
    expect(citizen.properties).toHaveProperty('nationalCode');
    expect(citizen.required).toEqual(['fullName', 'mobile']);
  });
});
