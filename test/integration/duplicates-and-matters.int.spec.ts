// Issue 11 items 1–3 (ADR 27) over HTTP on the real broker and database: intake, routing and agency
// in-process. Duplicates found at the desk, merges, similar requests linked into one matter and answered
// once, signatories that join a collective request later, and erasure clearing the similarity read model.
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import {
  citizen,
  get,
  persian,
  post,
  registrationBody,
  startIntake,
  streamOf,
  waitFor,
  type CitizenBody,
  type IntakeUnderTest,
} from '../../apps/intake/test/intake-test-kit';
import { bearer } from '../support/auth';
import type { Json } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';

describe('duplicates, collective matters and signatories (real PostgreSQL and Kafka)', () => {
  let intake: IntakeUnderTest;
  let routing: InProcessService;
  let agency: InProcessService;

  beforeAll(async () => {
    intake = await startIntake();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    agency = await startInProcess('agency', (config) => AgencyModule.register(config));
  }, 120000);

  afterAll(async () => {
    await agency?.close();
    await routing?.close();
    await intake?.close();
  }, 60000);

  const supervisor = () => bearer('supervisor', { sub: 'supervisor-dup' });
  const staffOf = (agencyCode: string) =>
    bearer('agency_staff', { agency: agencyCode, sub: `staff-${agencyCode}` });

  const registerBody = async (body: Record<string, unknown>): Promise<Json> => {
    const res = await post(intake.baseUrl, '/api/requests', body);
    expect(res.status).toBe(201);
    return (await res.json()) as Json;
  };
  const eventTypes = async (code: string): Promise<string[]> =>
    (await streamOf(intake.store, code)).map((e) => e.type);
  const possibleDuplicates = async (body: Record<string, unknown>): Promise<Json[]> => {
    const res = await post(intake.baseUrl, '/api/requests/possible-duplicates', body);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Json[] }).items;
  };
  const track = async (
    code: string,
    mobile: string,
    signatory?: number,
  ): Promise<{ status: number; body: Json }> => {
    const query = `mobileLast4=${mobile.slice(-4)}${signatory === undefined ? '' : `&signatory=${signatory}`}`;
    const res = await fetch(`${intake.baseUrl}/api/track/${code}?${query}`, {
      headers: {
        'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
      },
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const inAgencyInbox = (code: string) =>
    waitFor(`${code} routed`, async () =>
      (await eventTypes(code)).includes('RequestRoutedToAgency') ? true : undefined,
    );

  describe('the same citizen’s second water-cut complaint in the same county', () => {
    const zahra = citizen();
    let first: string;
    let second: string;

    it('names the first one in the registration answer, and in the lookup before submitting', async () => {
      const body = registrationBody({ citizens: [zahra], countyCode: 'BND', categoryCode: 'WAT-CUT' });
      first = (await registerBody(body)).trackingCode as string;
      // The lookup the operator calls while typing (Persian digits as typed), once the read model has it.
      const found = await waitFor('the first complaint indexed', async () => {
        const items = await possibleDuplicates({
          nationalCode: persian(zahra.nationalCode),
          categoryCode: 'WAT-CUT',
          countyCode: 'BND',
        });
        return items.length > 0 ? items : undefined;
      });
      expect(found.map((i) => i.trackingCode)).toEqual([first]);
      // By mobile alone too; another category or county finds nothing.
      expect(
        (await possibleDuplicates({ mobile: zahra.mobile, categoryCode: 'WAT-CUT', countyCode: 'BND' })).map(
          (i) => i.trackingCode,
        ),
      ).toEqual([first]);
      expect(
        await possibleDuplicates({ mobile: zahra.mobile, categoryCode: 'WAT-SEWER', countyCode: 'BND' }),
      ).toEqual([]);
      expect(
        await possibleDuplicates({ mobile: zahra.mobile, categoryCode: 'WAT-CUT', countyCode: 'MIN' }),
      ).toEqual([]);

      const answer = await registerBody(body);
      second = answer.trackingCode as string;
      expect(answer.possibleDuplicates).toEqual([
        expect.objectContaining({
          trackingCode: first,
          category: expect.objectContaining({ code: 'WAT-CUT' }),
          county: expect.objectContaining({ code: 'BND' }),
          status: expect.any(String),
          registeredAt: expect.any(String),
          registeredAtJalali: expect.any(String),
        }),
      ]);
      // Nothing personal comes back: not even what the operator typed.
      const text = JSON.stringify(answer);
      expect(text).not.toContain(zahra.nationalCode);
      expect(text).not.toContain(zahra.mobile);
    });

    it('refuses a lookup without a national code or mobile, or with an invalid one', async () => {
      for (const body of [
        { categoryCode: 'WAT-CUT', countyCode: 'BND' },
        { nationalCode: '0499370890', categoryCode: 'WAT-CUT', countyCode: 'BND' },
      ]) {
        const res = await post(intake.baseUrl, '/api/requests/possible-duplicates', body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
    });

    it('records the call as a follow-up of the first instead', async () => {
      const res = await post(intake.baseUrl, `/api/requests/${first}/follow-ups`, {
        note: 'شهروند دوباره تماس گرفت',
        channel: 'phone',
      });
      expect(res.status).toBe(201);
      expect(await eventTypes(first)).toContain('FollowUpRecorded');
    });

    it('merges: one open request remains, and the lookup of both codes reaches it', async () => {
      const operatorTry = await post(intake.baseUrl, `/api/requests/${second}/merge`, {
        survivorCode: first,
      });
      expect(operatorTry.status).toBe(403);

      const res = await post(
        intake.baseUrl,
        `/api/requests/${second}/merge`,
        { survivorCode: first },
        await supervisor(),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ trackingCode: second, survivorCode: first });
      expect(await eventTypes(second)).toContain('MergedAsDuplicate');
      expect(await eventTypes(first)).toContain('DuplicateAbsorbed');

      const closed = await track(second, zahra.mobile);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        closure: { reason: 'duplicate', duplicateOf: first },
        continuedAs: { trackingCode: first },
      });
      expect((closed.body.continuedAs as Json).status).not.toBe('closed');
      const open = await track(first, zahra.mobile);
      expect(open.status).toBe(200);
      expect(open.body.status).not.toBe('closed');

      // The read model follows: only the survivor is still an open request of hers.
      await waitFor('the duplicate closed in the index', async () => {
        const items = await possibleDuplicates({
          mobile: zahra.mobile,
          categoryCode: 'WAT-CUT',
          countyCode: 'BND',
        });
        return items.length === 1 ? items : undefined;
      }).then((items) => expect(items.map((i) => i.trackingCode)).toEqual([first]));

      // Merging into a closed request is refused and changes nothing.
      const again = await post(
        intake.baseUrl,
        `/api/requests/${first}/merge`,
        { survivorCode: second },
        await supervisor(),
      );
      expect(again.status).toBe(409);
      expect(await eventTypes(first)).not.toContain('MergedAsDuplicate');
    });
  });

  describe('a merged duplicate’s citizens follow the surviving request', () => {
    it('get the survivor’s answer by SMS under their own code, each mobile once', async () => {
      const [hamid, neighbour] = [citizen(), citizen()];
      const where = { countyCode: 'BND', categoryCode: 'WAT-CUT' };
      const survivor = (await registerBody(registrationBody({ ...where, citizens: [hamid] })))
        .trackingCode as string;
      // Registered twice by the same caller (a same-mobile follower is texted once), and once by a
      // neighbour on his behalf, whose own mobile follows too.
      const again = (await registerBody(registrationBody({ ...where, citizens: [hamid] })))
        .trackingCode as string;
      const theirs = (await registerBody(registrationBody({ ...where, citizens: [neighbour] })))
        .trackingCode as string;
      for (const code of [again, theirs]) {
        const res = await post(
          intake.baseUrl,
          `/api/requests/${code}/merge`,
          { survivorCode: survivor },
          await supervisor(),
        );
        expect(res.status).toBe(200);
      }
      await inAgencyInbox(survivor);
      const answered = await waitFor('the survivor answered', async () => {
        const res = await post(
          agency.baseUrl,
          `/api/agency/requests/${survivor}/answer`,
          { outcome: 'positive', text: 'لوله اصلی تعمیر شد و آب وصل است.' },
          await staffOf('ABFA'),
        );
        return res.status === 404 ? undefined : res;
      });
      expect(answered.status).toBe(200);

      const admin = await bearer('admin', { sub: 'admin-dup' });
      const answerNotices = async (code: string): Promise<Json[]> => {
        const res = await fetch(`${intake.baseUrl}/api/admin/notifications?trackingCode=${code}`, {
          headers: admin,
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { items: Json[] }).items.filter((n) => n.kind === 'answered');
      };
      const followed = await waitFor('the neighbour’s answer notice', async () => {
        const items = await answerNotices(theirs);
        return items.length > 0 ? items : undefined;
      });
      expect(followed).toHaveLength(1);
      expect(followed[0]).toMatchObject({ recipient: `*******${neighbour.mobile.slice(-4)}` });
      // Told under their own code, whose lookup with their own digits shows the survivor.
      expect(followed[0].message).toContain(theirs);
      expect(followed[0].message).not.toContain(survivor);
      expect(await answerNotices(survivor)).toHaveLength(1);
      expect(await answerNotices(again)).toHaveLength(0);
      const sent = await waitFor('the neighbour’s SMS in the outbox', async () =>
        (await answerNotices(theirs)).find((n) => n.status === 'sent'),
      );
      expect(sent.gateway).toBe('outbox');
      const seen = await track(theirs, neighbour.mobile);
      expect(seen.body).toMatchObject({
        continuedAs: { trackingCode: survivor, status: 'answered' },
      });
    });
  });

  describe('similar requests of different citizens', () => {
    const [ali, reza, sara] = [citizen(), citizen(), citizen()];
    // A neighbourhood name of this run's own, so requests left by earlier runs on the database rank lower.
    const letters = 'ابپتجچحخدرزسشصطعفقکگلمنوهی';
    const place = Array.from({ length: 10 }, () => letters[Math.floor(Math.random() * letters.length)]).join(
      '',
    );
    const codes: Record<string, string> = {};

    it('are offered as candidates, linked into one matter and answered once, reaching every request', async () => {
      const where = { countyCode: 'QSM', categoryCode: 'WAT-CUT' };
      codes.a = (
        await registerBody(
          registrationBody({
            ...where,
            citizens: [ali],
            description: `قطعی آب در خیابان امام خمینی محله ${place} از دیروز صبح تا الان`,
          }),
        )
      ).trackingCode as string;
      codes.b = (
        await registerBody(
          registrationBody({
            ...where,
            citizens: [reza],
            description: `قطع آب خیابان امام خمینی محله ${place} از دیروز صبح تاکنون ادامه دارد`,
          }),
        )
      ).trackingCode as string;
      codes.c = (
        await registerBody(
          registrationBody({
            ...where,
            citizens: [sara],
            description: 'کنتور خانه شکسته و صورتحساب اشتباه آمده',
          }),
        )
      ).trackingCode as string;
      for (const code of Object.values(codes)) await inAgencyInbox(code);

      const similar = await waitFor('similar candidates', async () => {
        const res = await get(intake.baseUrl, `/api/requests/${codes.a}/similar`);
        expect(res.status).toBe(200);
        const items = ((await res.json()) as { items: Json[] }).items;
        return items.length > 0 ? items : undefined;
      });
      // The other citizen's like complaint is offered; the unlike one never (earlier runs may add more).
      expect(similar).toContainEqual(
        expect.objectContaining({ trackingCode: codes.b, similarity: expect.any(Number) }),
      );
      expect(similar.map((i) => i.trackingCode)).not.toContain(codes.c);

      const link = await post(
        intake.baseUrl,
        '/api/requests/matters',
        { trackingCodes: [codes.a, codes.b] },
        await supervisor(),
      );
      expect(link.status).toBe(200);
      const { matterId } = (await link.json()) as { matterId: string };
      expect(await eventTypes(codes.a)).toContain('LinkedToMatter');
      expect(await eventTypes(codes.b)).toContain('LinkedToMatter');

      // Another agency holds none of it: refused with a clear Problem, nothing answered.
      const refused = await waitFor('the matter known to the agency read model', async () => {
        const res = await post(
          agency.baseUrl,
          `/api/agency/matters/${matterId}/answer`,
          { outcome: 'positive', text: 'x' },
          await staffOf('BARGH'),
        );
        return res.status === 404 ? undefined : res;
      });
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ code: 'MATTER_NOT_ALL_ASSIGNED' });
      expect(await eventTypes(codes.a)).not.toContain('RequestAnswered');

      // The agency's inbox names the matter on each of its rows.
      const inboxRow = async (code: string): Promise<Json | undefined> => {
        const res = await get(
          agency.baseUrl,
          `/api/agency/inbox?trackingCode=${code}`,
          await staffOf('ABFA'),
        );
        expect(res.status).toBe(200);
        return ((await res.json()) as { items: Json[] }).items[0];
      };
      // The agency learns of each link from its own event, so the second row may lag the first.
      for (const code of [codes.a, codes.b]) {
        await waitFor(`${code} linked in the inbox`, async () => {
          const row = await inboxRow(code);
          return row?.matterId === matterId ? row : undefined;
        });
      }
      expect(await inboxRow(codes.c)).toMatchObject({ matterId: null });
      // Supervisors list the matters with their requests (newest first: this one on the first page).
      const listed = async (): Promise<Json | undefined> => {
        const res = await get(intake.baseUrl, '/api/requests/matters?page=1&pageSize=50', await supervisor());
        expect(res.status).toBe(200);
        const body = (await res.json()) as { items: Json[]; total: number; page: number; pageSize: number };
        expect(body).toMatchObject({ page: 1, pageSize: 50, total: expect.any(Number) });
        return body.items.find((m) => m.matterId === matterId);
      };
      const open = await waitFor('the matter listed', async () => {
        const m = await listed();
        return m && (m.requests as Json[]).length === 2 ? m : undefined;
      });
      expect(open).toMatchObject({ status: 'open', requestCount: 2, answeredCount: 0 });
      expect((open.requests as Json[]).map((r) => r.trackingCode).sort()).toEqual([codes.a, codes.b].sort());
      expect(open.requests as Json[]).toContainEqual(
        expect.objectContaining({ agencyCode: 'ABFA', county: expect.objectContaining({ code: 'QSM' }) }),
      );
      expect((await get(intake.baseUrl, '/api/requests/matters')).status).toBe(403);
      expect(
        (await get(intake.baseUrl, '/api/requests/matters?pageSize=500', await supervisor())).status,
      ).toBe(400);

      const text = 'خط انتقال خیابان امام خمینی تعمیر شد و آب وصل است';
      const answered = await post(
        agency.baseUrl,
        `/api/agency/matters/${matterId}/answer`,
        { outcome: 'positive', text },
        await staffOf('ABFA'),
      );
      expect(answered.status).toBe(200);
      expect(await answered.json()).toMatchObject({
        matterId,
        requests: expect.arrayContaining([
          { trackingCode: codes.a, status: 'answered' },
          { trackingCode: codes.b, status: 'answered' },
        ]),
      });
      for (const [code, who] of [
        [codes.a, ali],
        [codes.b, reza],
      ] as const) {
        expect((await eventTypes(code)).filter((t) => t === 'RequestAnswered')).toHaveLength(1);
        const seen = await track(code, who.mobile);
        expect(seen.body).toMatchObject({ status: 'answered', answer: { text } });
      }
      expect(await eventTypes(codes.c)).not.toContain('RequestAnswered');
      await waitFor('the matter answered in the list', async () => {
        const res = await get(
          intake.baseUrl,
          '/api/requests/matters?status=answered&pageSize=100',
          await supervisor(),
        );
        const items = ((await res.json()) as { items: Json[] }).items;
        return items.find((m) => m.matterId === matterId && m.answeredCount === 2);
      });
    });
  });

  describe('a collective request that grows', () => {
    it('gains a signatory, sealed, who looks it up with their own digits and gets its notices', async () => {
      const [first, second] = [citizen(), citizen()];
      const code = (await registerBody(registrationBody({ collective: true, citizens: [first, second] })))
        .trackingCode as string;
      const newcomer: CitizenBody = citizen({ fullName: 'مریم احمدی' });

      const bad = await post(intake.baseUrl, `/api/requests/${code}/signatories`, {
        ...newcomer,
        mobile: '0212345678',
      });
      expect(bad.status).toBe(400);

      const res = await post(intake.baseUrl, `/api/requests/${code}/signatories`, {
        ...newcomer,
        nationalCode: persian(newcomer.nationalCode),
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ trackingCode: code, signatory: 3 });

      const twice = await post(intake.baseUrl, `/api/requests/${code}/signatories`, {
        ...newcomer,
        mobile: citizen().mobile,
      });
      expect(twice.status).toBe(409);

      const seen = await track(code, newcomer.mobile, 3);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ trackingCode: code, signatory: 3 });
      expect((await track(code, first.mobile, 3)).status).toBe(404);

      // Sealed at rest like the registration's citizens: the store never holds the values in clear.
      const [{ n }] = (await intake.dataSource.query(
        `SELECT count(*)::int AS n FROM event_store.events
          WHERE stream_id = $1 AND event_type = 'SignatoryAdded'
            AND strpos(data::text, $2) = 0 AND strpos(data::text, $3) = 0 AND data->'citizen' ? 'sealed'`,
        [`request-${code}`, newcomer.nationalCode, newcomer.mobile],
      )) as [{ n: number }];
      expect(n).toBe(1);
      // ADR 23: the request's notices reach the new signatory as well (the registration's own
      // recipients come from the request-events consumer, a moment later).
      const recipients = await waitFor('every signatory a recipient', async () => {
        const rows = (await intake.dataSource.query(
          `SELECT citizen_index FROM intake.notification_recipients WHERE tracking_code = $1 ORDER BY citizen_index`,
          [code],
        )) as { citizen_index: number }[];
        return rows.length === 3 ? rows : undefined;
      });
      expect(recipients.map((r) => r.citizen_index)).toEqual([0, 1, 2]);

      const individual = (await registerBody(registrationBody())).trackingCode as string;
      const refused = await post(intake.baseUrl, `/api/requests/${individual}/signatories`, citizen());
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ code: 'NOT_COLLECTIVE' });
    });
  });

  describe('erasure', () => {
    it('clears the similarity read model', async () => {
      const maryam = citizen();
      const code = (
        await registerBody(
          registrationBody({ citizens: [maryam], description: 'بوی گاز در کوچه شهید رجایی' }),
        )
      ).trackingCode as string;
      const rows = () =>
        intake.dataSource.query(
          `SELECT description FROM intake.request_descriptions WHERE tracking_code = $1`,
          [code],
        ) as Promise<{ description: string }[]>;
      await waitFor('the description indexed', async () => ((await rows()).length === 1 ? true : undefined));

      const res = await post(
        intake.baseUrl,
        '/api/admin/citizens/erase',
        { nationalCode: maryam.nationalCode },
        await bearer('admin', { sub: 'admin-dup' }),
      );
      expect(res.status).toBe(200);
      await waitFor('the description gone', async () => ((await rows()).length === 0 ? true : undefined));
    });
  });
});
