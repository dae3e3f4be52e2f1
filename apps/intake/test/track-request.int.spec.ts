import { trackingCodeFromNumber } from '@samad/request-lifecycle';
import { handleRequestCommand } from '@samad/request-application';
import {
  citizen,
  persian,
  register,
  registrationBody,
  startIntake,
  type IntakeUnderTest,
  type Registered,
} from './intake-test-kit';

describe('GET /api/track/{code}?mobileLast4=&signatory= (the citizen’s status lookup)', () => {
  let intake: IntakeUnderTest;
  const first = citizen({ fullName: 'زهرا کریمی' });
  // Last four digits unlike the first's, so "another signatory's digits" is a real mismatch.
  const otherLast4 = String((Number(first.mobile.slice(-4)) + 5000) % 10_000).padStart(4, '0');
  const second = citizen({ fullName: 'علی رضایی', mobile: `0935123${otherLast4}` });
  let created: Registered;

  const track = (code: string, query = '') =>
    fetch(`${intake.baseUrl}/api/track/${encodeURIComponent(code)}${query}`);
  const last4 = (mobile: string) => `?mobileLast4=${mobile.slice(-4)}`;

  beforeAll(async () => {
    intake = await startIntake();
    created = await register(
      intake.baseUrl,
      registrationBody({ collective: true, citizens: [first, second] }),
    );
  });

  afterAll(async () => {
    await intake.close();
  });

  it('shows each signatory of a collective request their own view, proven with their own digits', async () => {
    for (const [index, person] of [first, second].entries()) {
      const res = await track(created.trackingCode, `${last4(person.mobile)}&signatory=${index + 1}`);
      expect(res.status).toBe(200);
      const view = await res.json();
      expect(view).toEqual({
        trackingCode: created.trackingCode,
        trackingCodeFormatted: created.trackingCodeFormatted,
        status: 'registered',
        statusFa: 'ثبت شده',
        kind: 'complaint',
        category: { code: 'WAT-CUT', nameFa: 'قطعی آب', nameEn: 'Water outage' },
        county: { code: 'MIN', nameFa: 'میناب', nameEn: 'Minab' },
        registeredAt: created.registeredAt,
        registeredAtJalali: created.registeredAtJalali,
        signatory: index + 1,
      });
      const shown = JSON.stringify(view);
      for (const secret of [first, second].flatMap((c) => [c.nationalCode, c.fullName, c.mobile])) {
        expect(shown).not.toContain(secret);
      }
    }
  });

  it('accepts the code as read back: Persian digits and dashes', async () => {
    const res = await track(
      persian(created.trackingCodeFormatted),
      `?mobileLast4=${persian(first.mobile.slice(-4))}&signatory=${persian('1')}`,
    );
    expect(res.status).toBe(200);
  });

  it('answers the same 404 for a wrong mobile, another signatory’s digits, no signatory on a petition, an unknown code, a malformed code and no proof at all', async () => {
    const wrongDigits = `${(Number(first.mobile.slice(-4)) + 1) % 10000}`.padStart(4, '0');
    const unknownCode = trackingCodeFromNumber(100_000_000 + Math.floor(Math.random() * 8e8));
    const badCheckDigit = `${created.trackingCode.slice(0, 9)}${(Number(created.trackingCode[9]) + 1) % 10}`;
    const attempts = [
      track(
        created.trackingCode,
        `?mobileLast4=${wrongDigits === second.mobile.slice(-4) ? '0000' : wrongDigits}&signatory=1`,
      ),
      track(created.trackingCode, `${last4(second.mobile)}&signatory=1`),
      track(created.trackingCode, last4(first.mobile)),
      track(created.trackingCode, `${last4(first.mobile)}&signatory=3`),
      track(unknownCode, last4(first.mobile)),
      track(badCheckDigit, last4(first.mobile)),
      track('not-a-code', last4(first.mobile)),
      track(created.trackingCode),
      track(created.trackingCode, '?mobileLast4=45'),
    ];
    const responses = await Promise.all(attempts);
    const answers = await Promise.all(
      responses.map(async (r) => ({
        status: r.status,
        type: r.headers.get('content-type'),
        body: await r.text(),
      })),
    );
    expect(answers[0].status).toBe(404);
    expect(answers[0].type).toContain('application/problem+json');
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('shows the agency, the due date and the answer as the request moves on', async () => {
    const mine = await register(intake.baseUrl, registrationBody({ citizens: [citizen()] }));
    const [{ mobile }] = (await intake.store.readStream(`request-${mine.trackingCode}`)).map(
      (e) => (e.data as { citizens: { mobile: string }[] }).citizens[0],
    );
    const system = { actor: { id: 'routing', role: 'system' as const } };
    const dueAt = new Date(Date.now() + 3 * 86_400_000);
    await handleRequestCommand(
      intake.store,
      {
        type: 'RouteToAgency',
        data: {
          trackingCode: mine.trackingCode,
          now: new Date(),
          agencyCode: 'ABFA',
          dueAt,
          routedBy: 'rules',
          ruleId: 'test-rule',
        },
      },
      system,
    );
    const routed = await (await track(mine.trackingCode, last4(mobile))).json();
    expect(routed).toMatchObject({
      status: 'routed',
      agency: { code: 'ABFA', nameFa: 'شرکت آب و فاضلاب استان هرمزگان' },
      dueAt: dueAt.toISOString(),
      dueAtJalali: expect.stringMatching(/[۰-۹]/),
    });
    expect(routed).not.toHaveProperty('answer');

    await handleRequestCommand(
      intake.store,
      {
        type: 'Answer',
        data: {
          trackingCode: mine.trackingCode,
          now: new Date(),
          agencyCode: 'ABFA',
          outcome: 'positive',
          text: 'لوله ترمیم و آب وصل شد.',
        },
      },
      { actor: { id: 'staff-204', role: 'agency_staff' } },
    );
    const answered = await (await track(mine.trackingCode, last4(mobile))).json();
    expect(answered).toMatchObject({
      status: 'answered',
      answer: {
        outcome: 'positive',
        text: 'لوله ترمیم و آب وصل شد.',
        answeredAt: expect.any(String),
        answeredAtJalali: expect.stringMatching(/[۰-۹]/),
      },
    });
  });
});
