// The working calendar an administrator keeps, on the routing service in-process against real PostgreSQL
// and Kafka: declared holidays and category deadlines over HTTP, and the due dates routing computes with them.
import {
  dueAfterWorkingDays,
  formatJalaliDate,
  isOfficeDay,
  jalaliOfGregorianKey,
  tehranDateKey,
  toPersianDigits,
} from '@samad/request-lifecycle';
import { startInProcess, type InProcessService } from '../../../test/support/in-process-service';
import { bearer } from '../../../test/support/auth';
import type { Json } from '../../../test/support/http';
import { RoutingModule } from '../src/routing.module';
import { RequestFlow } from '../../../test/support/request-flow';

const DAY_MS = 86_400_000;

describe('working calendar (administrator)', () => {
  let flow: RequestFlow;
  let routing: InProcessService;

  beforeAll(async () => {
    flow = await RequestFlow.start();
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
  });

  afterAll(async () => {
    await routing?.close();
    await flow?.close();
  });

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    role: 'admin' | 'supervisor' = 'admin',
  ): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${routing.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(await bearer(role, { sub: `${role}-calendar` })) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
  };

  /** The next office day after today in Tehran that no administrator declared yet, as a Jalali date. */
  const nextOfficeDay = async (): Promise<{ jalali: string; day: string }> => {
    const declared = await flow.holidays();
    const calendar = { ...routing.config.workingCalendar, holidays: declared };
    for (let ahead = 1; ; ahead++) {
      const noon = new Date(Date.now() + ahead * DAY_MS);
      const day = tehranDateKey(noon);
      if (isOfficeDay(noon, calendar)) return { jalali: formatJalaliDate(jalaliOfGregorianKey(day)), day };
    }
  };

  describe('holidays', () => {
    it('lists the fixed solar holidays of any year, Nowruz 1410 among them', async () => {
      const res = await call('GET', '/api/admin/holidays?year=۱۴۱۰');
      expect(res.status).toBe(200);
      expect(res.body.year).toBe(1410);
      const items = res.body.items as Json[];
      expect(items.filter((h) => h.kind === 'fixed')).toHaveLength(10);
      expect(items[0]).toEqual({
        date: '1410-01-01',
        dateFa: '۱ فروردین ۱۴۱۰',
        gregorianDate: '2031-03-21',
        nameFa: 'عید نوروز',
        kind: 'fixed',
      });
    });

    it('declares a lunar holiday given in Persian digits, lists it, refuses it twice, withdraws it', async () => {
      await call('DELETE', '/api/admin/holidays/1420-04-15'); // left by an interrupted earlier run, if any
      const res = await call('POST', '/api/admin/holidays', { date: '۱۴۲۰/۰۴/۱۵', nameFa: 'تاسوعای حسینی' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        date: '1420-04-15',
        dateFa: '۱۵ تیر ۱۴۲۰',
        gregorianDate: '2041-07-05',
        nameFa: 'تاسوعای حسینی',
        kind: 'declared',
        declaredBy: 'admin-calendar',
        declaredAt: expect.any(String),
      });

      const listed = await call('GET', '/api/admin/holidays?year=1420');
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({ date: '1420-04-15', kind: 'declared' }),
      );

      const again = await call('POST', '/api/admin/holidays', { date: '1420-4-15', nameFa: 'تکرار' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('HOLIDAY_ALREADY_DECLARED');

      expect((await call('DELETE', '/api/admin/holidays/1420-04-15')).status).toBe(204);
      const gone = await call('DELETE', `/api/admin/holidays/${encodeURIComponent('۱۴۲۰-۰۴-۱۵')}`);
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('HOLIDAY_NOT_FOUND');
    });

    it('refuses a fixed holiday as already one (409), and will not withdraw it (404)', async () => {
      const res = await call('POST', '/api/admin/holidays', { date: '1410/01/02', nameFa: 'نوروز' });
      expect(res.status).toBe(409);
      expect((await call('DELETE', '/api/admin/holidays/1410-01-02')).status).toBe(404);
    });

    it.each([
      ['1409/12/30', 'date'], // 1409 is not a leap year
      ['1410/07/31', 'date'],
      ['1410/13/01', 'date'],
      ['2031-03-25', 'date'], // a Gregorian date
      ['1399/01/05', 'date'], // before the years holidays are declared for
    ])('answers 400 naming the field for %p', async (date, field) => {
      const res = await call('POST', '/api/admin/holidays', { date, nameFa: 'تعطیل' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INVALID_INPUT', errors: [expect.objectContaining({ field })] });
    });

    it('answers 400 for a missing name and a bad year, and 403 to a supervisor', async () => {
      const noName = await call('POST', '/api/admin/holidays', { date: '1410/04/15' });
      expect(noName.body).toMatchObject({
        status: 400,
        errors: expect.arrayContaining([expect.objectContaining({ field: 'nameFa' })]),
      });
      expect((await call('GET', '/api/admin/holidays?year=abc')).status).toBe(400);
      expect((await call('DELETE', '/api/admin/holidays/not-a-date')).status).toBe(400);
      expect((await call('GET', '/api/admin/holidays', undefined, 'supervisor')).status).toBe(403);
    });
  });

  describe('due dates', () => {
    it("a routed request's due date skips the holiday an administrator declared", async () => {
      const holiday = await nextOfficeDay();
      const declared = await call('POST', '/api/admin/holidays', {
        date: toPersianDigits(holiday.jalali.replace(/-/g, '/')),
        nameFa: 'تعطیلی اعلام‌شده در آزمون',
      });
      expect(declared.status).toBe(201);
      try {
        const code = await flow.register('WAT-CUT', 'BND'); // three working days
        const routed = await flow.waitForEvent(code, 'RequestRoutedToAgency');
        const { at, dueAt } = routed.data as { at: string; dueAt: string };
        const settings = routing.config.workingCalendar;
        const holidays = await flow.holidays();
        expect(holidays.has(holiday.day)).toBe(true);
        expect(dueAt).toBe(dueAfterWorkingDays(new Date(at), 3, { ...settings, holidays }).toISOString());
        // Without the holiday it would have fallen due sooner.
        const without = new Set([...holidays].filter((d) => d !== holiday.day));
        const dueWithout = dueAfterWorkingDays(new Date(at), 3, { ...settings, holidays: without });
        expect(new Date(dueAt).getTime()).toBeGreaterThan(dueWithout.getTime());
      } finally {
        await call('DELETE', `/api/admin/holidays/${holiday.jalali}`);
      }
    });

    it("routes with the deadline an administrator set, and shows the catalog's default beside it", async () => {
      const listed = await call('GET', '/api/admin/categories/deadlines');
      expect(listed.status).toBe(200);
      // Another test may have changed WAT-CUT and put it back: who changed it last may be named.
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({
          code: 'WAT-CUT',
          nameFa: 'قطعی آب',
          nameEn: 'Water outage',
          deadlineDays: 3,
          defaultDeadlineDays: 3,
        }),
      );

      const set = await call('PUT', '/api/admin/categories/wat-sewer/deadline', { deadlineDays: 2 });
      try {
        expect(set.status).toBe(200);
        expect(set.body).toMatchObject({
          code: 'WAT-SEWER',
          deadlineDays: 2,
          defaultDeadlineDays: 5,
          changedBy: 'admin-calendar',
          changedAtJalali: expect.stringMatching(/[۰-۹]{4}/),
        });

        const code = await flow.register('WAT-SEWER', 'BND');
        const routed = await flow.waitForEvent(code, 'RequestRoutedToAgency');
        const { at, dueAt } = routed.data as { at: string; dueAt: string };
        const calendar = { ...routing.config.workingCalendar, holidays: await flow.holidays() };
        expect(dueAt).toBe(dueAfterWorkingDays(new Date(at), 2, calendar).toISOString());
      } finally {
        await call('PUT', '/api/admin/categories/WAT-SEWER/deadline', { deadlineDays: 5 });
      }
    });

    it('answers 404 for an unknown category and 400 for a deadline that is not 1–90 working days', async () => {
      const unknown = await call('PUT', '/api/admin/categories/NOPE/deadline', { deadlineDays: 3 });
      expect(unknown).toMatchObject({ status: 404, body: { code: 'CATEGORY_NOT_FOUND' } });
      for (const deadlineDays of [0, 91, 2.5, '3']) {
        const res = await call('PUT', '/api/admin/categories/WAT-CUT/deadline', { deadlineDays });
        expect(res.body).toMatchObject({
          status: 400,
          errors: expect.arrayContaining([expect.objectContaining({ field: 'deadlineDays' })]),
        });
      }
      expect((await call('GET', '/api/admin/categories/deadlines', undefined, 'supervisor')).status).toBe(
        403,
      );
    });
  });
});
