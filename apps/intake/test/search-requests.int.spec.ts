import { handleRequestCommand } from '@samad/request-application';
import {
  citizen,
  get,
  post,
  persian,
  randomMobile,
  randomNationalCode,
  register,
  registrationBody,
  startIntake,
  withWrongCheckDigit,
  type IntakeUnderTest,
  waitFor,
  type Registered,
} from './intake-test-kit';

interface Found {
  trackingCode: string;
  status: string;
  category: { code: string; nameFa: string };
  county: { code: string; nameFa: string };
  agency?: { code: string };
  registeredAt: string;
  registeredAtJalali: string;
}

describe('POST /api/requests/search {nationalCode}|{mobile} (a caller’s earlier requests)', () => {
  let intake: IntakeUnderTest;
  const caller = citizen();
  let registered: Registered[];

  type Query = { nationalCode?: string; mobile?: string; page?: number; pageSize?: number };
  const search = async (
    query: Query,
  ): Promise<{ status: number; body: { items?: Found[]; errors?: unknown[] } }> => {
    const res = await post(intake.baseUrl, '/api/requests/search', query);
    return { status: res.status, body: (await res.json()) as { items?: Found[] } };
  };
  const found = (query: Query, count: number): Promise<Found[]> =>
    waitFor(
      `${count} requests for ${JSON.stringify(query)}`,
      async () => {
        const { body } = await search(query);
        return body.items?.length === count ? body.items : undefined;
      },
      { timeoutMs: 90_000 },
    );

  beforeAll(async () => {
    intake = await startIntake();
    registered = [];
    registered.push(await register(intake.baseUrl, registrationBody({ citizens: [caller] })));
    registered.push(
      await register(
        intake.baseUrl,
        registrationBody({ citizens: [caller], categoryCode: 'PWR-CUT', countyCode: 'QSM', kind: 'request' }),
      ),
    );
    // A petition the caller signed with another phone.
    registered.push(
      await register(
        intake.baseUrl,
        registrationBody({
          collective: true,
          citizens: [
            citizen(),
            { ...caller, nationalCode: persian(caller.nationalCode), mobile: randomMobile() },
          ],
        }),
      ),
    );
  });

  afterAll(async () => {
    await intake.close();
  });

  it('finds every request of a national code once the consumer has caught up, newest first', async () => {
    const items = await found({ nationalCode: persian(caller.nationalCode) }, 3);
    const newestFirst = [...registered].sort((a, b) => b.registeredAt.localeCompare(a.registeredAt));
    expect(items.map((i) => i.trackingCode)).toEqual(newestFirst.map((r) => r.trackingCode));
    const power = items.find((i) => i.trackingCode === registered[1].trackingCode)!;
    expect(power).toMatchObject({
      trackingCodeFormatted: expect.stringMatching(/^\d{3}-\d{3}-\d{4}$/),
      status: 'registered',
      kind: 'request',
      channel: 'phone',
      category: { code: 'PWR-CUT', nameFa: 'قطعی برق' },
      county: { code: 'QSM', nameFa: 'قشم' },
      registeredAt: registered[1].registeredAt,
      registeredAtJalali: registered[1].registeredAtJalali,
    });
    expect(power).not.toHaveProperty('agency');
  });

  it('finds requests by mobile, in any of the usual spellings', async () => {
    const spelled = `+98 ${persian(caller.mobile.slice(1))}`;
    const items = await found({ mobile: spelled }, 2);
    expect(new Set(items.map((i) => i.trackingCode))).toEqual(
      new Set([registered[0].trackingCode, registered[1].trackingCode]),
    );
  });

  it('follows the request as it moves on: routed, with the agency', async () => {
    await handleRequestCommand(
      intake.store,
      {
        type: 'RouteToAgency',
        data: {
          trackingCode: registered[0].trackingCode,
          now: new Date(),
          agencyCode: 'ABFA',
          dueAt: new Date(Date.now() + 86_400_000),
          routedBy: 'rules',
          ruleId: 'test-rule',
        },
      },
      { actor: { id: 'routing', role: 'system' } },
    );
    const routed = await waitFor(
      'the routed status in the index',
      async () => {
        const { body } = await search({ nationalCode: caller.nationalCode });
        const item = body.items?.find((i) => i.trackingCode === registered[0].trackingCode);
        return item?.status === 'routed' ? item : undefined;
      },
      { timeoutMs: 90_000 },
    );
    expect(routed.agency).toEqual({
      code: 'ABFA',
      nameFa: 'شرکت آب و فاضلاب استان هرمزگان',
      nameEn: 'Provincial Water and Wastewater Company',
    });
  });

  it('lists nothing for a caller without requests', async () => {
    expect(await search({ nationalCode: randomNationalCode() })).toEqual({
      status: 200,
      body: { items: [], total: 0, page: 1, pageSize: 50 },
    });
  });

  it('pages the answer and says the total (page and pageSize in the body)', async () => {
    await found({ nationalCode: caller.nationalCode }, 3);
    const res = await post(intake.baseUrl, '/api/requests/search', {
      nationalCode: caller.nationalCode,
      page: 2,
      pageSize: 2,
    });
    const body = (await res.json()) as { items: Found[]; total: number; page: number; pageSize: number };
    expect(body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(body.items).toHaveLength(1);
    const tooBig = await post(intake.baseUrl, '/api/requests/search', {
      nationalCode: caller.nationalCode,
      pageSize: 201,
    });
    expect(tooBig.status).toBe(400);
  });

  it.each([
    ['neither', {}, ['nationalCode', 'mobile']],
    ['both', { nationalCode: randomNationalCode(), mobile: randomMobile() }, ['nationalCode', 'mobile']],
    [
      'a national code with a wrong check digit',
      { nationalCode: withWrongCheckDigit(randomNationalCode()) },
      ['nationalCode'],
    ],
    ['a landline', { mobile: '07612345678' }, ['mobile']],
  ])('refuses %s with 400 naming the field', async (_case, query, fields) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect((body.errors as { field: string }[]).map((e) => e.field)).toEqual(fields);
  });

  it('no longer answers the old GET form, so no national code travels in a URL', async () => {
    const res = await get(intake.baseUrl, `/api/requests?nationalCode=${caller.nationalCode}`);
    expect(res.status).toBe(404);
  });
});
