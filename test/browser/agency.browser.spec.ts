// The water agency's staff on one request in a real browser (issue 14 item 4): Debian's Chromium driven by
// playwright-core against the four services behind the console's one-origin server. A request registered
// over the API reaches ABFA's inbox; staff.abfa asks the citizen for information (sent empty first: the
// API's field error beside the field), asks for an extension with the Jalali picker and reads the history.
// The screen is scanned with axe-core and photographed into docs/screenshots/agency-request.png. Then a
// supervisor closes it over the API and the inbox open on it changes without a reload.
import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import {
  accessibilityProblems,
  shoot,
  startConsoleInChromium,
  type ConsoleInChromium,
  signInAs,
  persianDigits,
} from '../support/console-in-chromium';

describe('the agency’s request page in Chromium: information, extension, history', () => {
  let harness: ConsoleInChromium;
  let base: string;
  let context: BrowserContext;
  let trackingCode = '';

  const tokenOf = async (username: string): Promise<string> => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'samad-demo' }),
    });
    return ((await login.json()) as { accessToken: string }).accessToken;
  };

  beforeAll(async () => {
    harness = await startConsoleInChromium(['intake', 'routing', 'agency', 'reporting']);
    ({ base, context } = harness);
    const registered = await fetch(`${base}/api/requests`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await tokenOf('operator1')}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
      },
      body: JSON.stringify({
        channel: 'phone',
        kind: 'complaint',
        collective: false,
        citizens: [{ nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' }],
        countyCode: 'MIN',
        categoryCode: 'WAT-CUT',
        description: 'فشار آب محله از دیروز بسیار کم است.',
      }),
    });
    expect(registered.status).toBe(201);
    trackingCode = ((await registered.json()) as { trackingCode: string }).trackingCode;
    // Routing decides over Kafka; the agency's inbox is a read model fed from its topic.
    const staffToken = await tokenOf('staff.abfa');
    for (let tries = 0; ; tries++) {
      const inbox = await fetch(`${base}/api/agency/inbox?status=all&trackingCode=${trackingCode}`, {
        headers: { Authorization: `Bearer ${staffToken}` },
      });
      if (((await inbox.json()) as { items: unknown[] }).items.length > 0) break;
      if (tries > 120) throw new Error(`${trackingCode} never reached ABFA's inbox`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }, 300000);

  afterAll(async () => {
    await harness?.close();
  }, 60000);

  it('lets staff ask for more time and the citizen for information, and shows both in the history', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'staff.abfa', '/agency/inbox');
    await page.goto(`${base}/agency/requests/${trackingCode}`);
    const history = page.getByTestId('request-history');
    await history.getByText('ارجاع به دستگاه').waitFor({ timeout: 30000 });

    // More time first (the clock pauses once the citizen is asked): a reason and the 20th of a later
    // Jalali month, picked in the calendar.
    await page.getByRole('button', { name: 'درخواست تمدید مهلت' }).click();
    const extensionDialog = page.getByRole('dialog', { name: 'درخواست تمدید مهلت' });
    const reason = 'نیاز به بازدید میدانی کارشناس شبکه است.';
    await extensionDialog.getByLabel('دلیل تمدید').fill(reason);
    await extensionDialog.getByLabel('مهلت پیشنهادی').click();
    await page.locator('.rmdp-arrow-container.rmdp-right').click();
    await page.locator('.rmdp-arrow-container.rmdp-right').click();
    await page
      .locator('.rmdp-day:not(.rmdp-deactive):not(.rmdp-disabled) span', {
        hasText: new RegExp(`^${persianDigits(20)}$`),
      })
      .click();
    expect(await extensionDialog.getByLabel('مهلت پیشنهادی').inputValue()).toMatch(
      new RegExp(`/${persianDigits(20)}$`),
    );
    await extensionDialog.getByRole('button', { name: 'ارسال' }).click();
    await extensionDialog.waitFor({ state: 'hidden' });
    const pending = page.getByTestId('request-status').getByText(/در انتظار تأیید تمدید تا/);
    await pending.waitFor();
    expect(await pending.textContent()).toContain(`${persianDigits(20)} `);

    // Asked empty first: the API's refusal shows beside the question, in Persian. Then no extension
    // until the citizen answers.
    await page.getByRole('button', { name: 'درخواست اطلاعات از شهروند' }).click();
    const informationDialog = page.getByRole('dialog', { name: 'درخواست اطلاعات از شهروند' });
    await informationDialog.getByRole('button', { name: 'ارسال' }).click();
    await informationDialog
      .locator('.ant-form-item-explain-error', { hasText: 'دست‌کم ۵ نویسه بنویسید' })
      .first()
      .waitFor();
    const question = 'نشانی دقیق و پلاک منزل را بفرمایید.';
    await informationDialog.getByLabel('پرسش از شهروند').fill(question);
    await informationDialog.getByRole('button', { name: 'ارسال' }).click();
    await informationDialog.waitFor({ state: 'hidden' });
    await page.getByTestId('request-status').getByText('در انتظار اطلاعات شهروند').waitFor();
    await history.getByText(question).waitFor();
    expect(await page.getByRole('button', { name: 'درخواست اطلاعات از شهروند' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'درخواست تمدید مهلت' }).isDisabled()).toBe(true);

    // The history names who asked what, at Jalali times.
    const steps = history.getByTestId('history-step');
    await history.getByText(reason).waitFor();
    expect(await steps.filter({ hasText: 'درخواست تمدید' }).textContent()).toContain('staff.abfa');
    expect(await steps.filter({ hasText: 'درخواست اطلاعات' }).textContent()).toMatch(/[۰-۹]{4}/);
    expect(await steps.first().textContent()).toContain('ثبت درخواست');
    expect(await history.textContent()).not.toContain('0499370899');
    await page.getByTestId('request-attachments').getByText('پیوستی ندارد').waitFor();

    await page
      .locator('.ant-message')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'agency-request');
    await page.close();
  }, 180000);

  it('updates the open inbox without a reload when a supervisor closes the request (ADR 44)', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'staff.abfa', '/agency/inbox');
    await page.locator('[data-testid="inbox-live"][data-live="yes"]').waitFor({ timeout: 30000 });
    // The whole tracking code is looked up by the server, whatever the status.
    await page.getByLabel('جستجو در کارتابل').fill(trackingCode);
    const row = page.locator('tr', { has: page.getByTestId(`inbox-${trackingCode}`) });
    await row.waitFor();
    expect(await row.textContent()).not.toContain('بسته');

    const closed = await fetch(`${base}/api/routing/requests/${trackingCode}/close`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await tokenOf('supervisor1')}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
      },
      body: JSON.stringify({ reason: 'withdrawn', note: 'شهروند درخواست را پس گرفت.' }),
    });
    expect(closed.status).toBe(200);
    // Told over the stream (the inbox does not poll while live): a notice, and the row refetched.
    const notice = page.getByTestId(`live-left-${trackingCode}`);
    await notice.waitFor({ timeout: 60000 });
    expect(await notice.textContent()).toContain('بسته شد');
    await row.getByRole('cell', { name: 'بسته', exact: true }).waitFor();
    await page.close();
  }, 120000);
});
