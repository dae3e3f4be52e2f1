// The administrator's screen in a real browser (issue 14 item 7): Debian's Chromium driven by playwright-core
// against intake and routing behind the console's one-origin server. The admin declares a holiday with the
// Jalali picker, changes a category's deadline (a refused value first, its error beside the field) and reads
// the routing rules; the screen is scanned with axe-core and photographed into docs/screenshots/admin.png.
import type { BrowserContext } from 'playwright-core';
import {
  accessibilityProblems,
  shoot,
  startConsoleInChromium,
  type ConsoleInChromium,
  signInAs,
  persianDigits,
} from '../support/console-in-chromium';

/** Today's Jalali year and month in Tehran, as Node's own calendar data has them. */
function jalaliMonthInTehran(): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(new Date());
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

describe('the administrator’s console in Chromium: holidays, deadlines, routing rules', () => {
  let harness: ConsoleInChromium;
  let base: string;
  let context: BrowserContext;
  // Day 20 of this Jalali month: no fixed solar holiday falls on a 20th.
  const { year, month } = jalaliMonthInTehran();
  const holidayDate = `${year}-${String(month).padStart(2, '0')}-20`;
  const category = 'WAT-CUT';
  let adminToken = '';
  let originalDeadline = 0;

  const asAdmin = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    harness = await startConsoleInChromium(['intake', 'routing']);
    ({ base, context } = harness);
    // The day is withdrawn first (a run that failed half-way may have left it) and the deadline put back after.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin1', password: 'samad-demo' }),
    });
    adminToken = ((await login.json()) as { accessToken: string }).accessToken;
    expect([204, 404]).toContain((await asAdmin('DELETE', `/api/admin/holidays/${holidayDate}`)).status);
    const deadlines = (await (await asAdmin('GET', '/api/admin/categories/deadlines')).json()) as {
      items: { code: string; deadlineDays: number }[];
    };
    originalDeadline = deadlines.items.find((c) => c.code === category)?.deadlineDays ?? 0;
    expect(originalDeadline).toBeGreaterThan(0);
  }, 240000);

  afterAll(async () => {
    if (adminToken && originalDeadline)
      await asAdmin('PUT', `/api/admin/categories/${category}/deadline`, { deadlineDays: originalDeadline });
    await harness?.close();
  }, 60000);

  it('lets the admin add a holiday with the Jalali picker, change a deadline and read the routing rules', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'admin1', '/admin');
    await page.getByRole('link', { name: 'مدیریت سامانه' }).waitFor();

    // Holidays: the year's fixed ones are listed; the 20th is picked in the Jalali calendar and named.
    const holidays = page.getByRole('table');
    await holidays.getByText('رسمی ثابت').first().waitFor();
    await page.getByRole('button', { name: 'افزودن تعطیلی' }).click();
    // Sent empty first: the API's field errors show beside the date and the name, in Persian.
    const fillIn = page.locator('.ant-form-item-explain-error', { hasText: 'این خانه را پر کنید' });
    await fillIn.first().waitFor();
    expect(await fillIn.count()).toBe(2);
    await page.getByLabel('تاریخ').click();
    await page
      .locator('.rmdp-day:not(.rmdp-deactive) span', { hasText: new RegExp(`^${persianDigits(20)}$`) })
      .click();
    expect(await page.getByLabel('تاریخ').inputValue()).toBe(
      `${persianDigits(year)}/${persianDigits(String(month).padStart(2, '0'))}/${persianDigits(20)}`,
    );
    await page.getByLabel('نام تعطیلی').fill('تعطیلی آزمایشی سامد');
    await page.getByRole('button', { name: 'افزودن تعطیلی' }).click();
    const declared = page.getByRole('row', { name: /تعطیلی آزمایشی سامد/ });
    await declared.getByText('اعلام‌شده').waitFor();
    expect(await declared.textContent()).toContain(`${persianDigits(20)} `);
    expect(await declared.textContent()).toContain('admin1');
    await page
      .locator('.ant-message')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'admin');
    // The same day again is refused beside the date: it already is a holiday.
    await page.getByLabel('تاریخ').click();
    await page
      .locator('.rmdp-day:not(.rmdp-deactive) span', { hasText: new RegExp(`^${persianDigits(20)}$`) })
      .click();
    await page.getByLabel('نام تعطیلی').fill('تکراری');
    await page.getByRole('button', { name: 'افزودن تعطیلی' }).click();
    await page.getByText('این روز از پیش تعطیل است').waitFor();
    const listed = (await asAdmin('GET', `/api/admin/holidays?year=${year}`).then((r) => r.json())) as {
      items: { date: string; kind: string }[];
    };
    expect(listed.items.filter((h) => h.date === holidayDate)).toEqual([
      expect.objectContaining({ date: holidayDate, kind: 'declared' }),
    ]);
    // Withdrawn from its row.
    await declared.getByRole('button', { name: /حذف/ }).click();
    await declared.waitFor({ state: 'detached' });

    // Deadlines: 120 days is refused beside the field; the new value shows in the table and in the rules.
    await page.getByRole('tab', { name: 'موضوع‌ها و مهلت‌ها' }).click();
    const newDeadline = originalDeadline === 9 ? 8 : 9;
    await page.getByRole('button', { name: /ویرایش مهلت: قطعی آب/ }).click();
    const days = page.getByLabel('مهلت (روز کاری)');
    await days.fill('120');
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText('مهلت عددی درست از ۱ تا ۹۰ روز کاری است').waitFor();
    await days.fill(String(newDeadline));
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page
      .getByTestId(`deadline-${category}`)
      .getByText(persianDigits(newDeadline), { exact: true })
      .waitFor();
    expect(
      await page
        .getByRole('row', { name: /قطعی آب/ })
        .first()
        .textContent(),
    ).toContain('admin1');

    // Routing rules: the list, each category with its agency; the water outage with its new deadline.
    await page.getByRole('tab', { name: 'قواعد ارجاع' }).click();
    const rules = page.getByTestId('routing-rules');
    await rules.getByRole('row').nth(5).waitFor();
    // Narrowed as typed, with an Arabic ی as a keyboard may give it.
    await page.getByLabel('جستجوی موضوع، شهرستان یا دستگاه').fill('قطعي آب');
    const waterRule = rules.getByRole('row', { name: /قطعی آب/ }).first();
    await waterRule.waitFor();
    expect(await waterRule.textContent()).toContain(persianDigits(newDeadline));
    expect(await waterRule.textContent()).toContain('آب و فاضلاب');
    const narrowed = await rules.locator('tbody tr.ant-table-row').allTextContents();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.filter((row) => !row.includes('قطعی آب'))).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  }, 180000);
});
