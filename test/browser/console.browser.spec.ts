// The people's console in a real browser (issue 14, ADR 0040): Debian's Chromium driven by playwright-core
// against the four services and the console's one-origin server. An operator registers a phone complaint
// typed in Persian, the agency's staff answers it, the citizen tracks it; each screen is scanned with axe-core
// and photographed into docs/screenshots/.
import type { BrowserContext, Page } from 'playwright-core';
import {
  accessibilityProblems,
  shoot,
  startConsoleInChromium,
  type ConsoleInChromium,
  signInAs,
} from '../support/console-in-chromium';

const PBX_KEY = 'browser-test-pbx-key-0123456789';

const toAscii = (text: string): string =>
  text.replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

describe('the people’s console in Chromium: register, answer, track', () => {
  let harness: ConsoleInChromium;
  let base: string;
  let context: BrowserContext;
  let foreignRequests: string[];

  beforeAll(async () => {
    harness = await startConsoleInChromium(['intake', 'routing', 'agency', 'reporting'], {
      intake: { TELEPHONY_WEBHOOK_KEY: PBX_KEY },
    });
    ({ base, context, foreignRequests } = harness);
  }, 240000);

  afterAll(async () => {
    await harness?.close();
  }, 60000);

  let trackingCode = '';
  const answerText = 'لوله اصلی ترمیم شد و آب از ساعت ۱۴ وصل است.';

  // The water agency's staff has the inbox open before the request is registered: it must appear there live.
  let staffInbox: Page;

  it('keeps the water agency’s inbox open, live, before anything is registered', async () => {
    staffInbox = await context.newPage();
    await signInAs(staffInbox, base, 'staff.abfa', '/agency/inbox');
    // Live once the stream is open through the console's proxy and the agency's feed is consuming.
    await staffInbox.locator('[data-testid="inbox-live"][data-live="yes"]').waitFor({ timeout: 30000 });
    // Any reload or navigation from here on would lose this.
    await staffInbox.evaluate('window.__noReload = 1');
  }, 60000);

  it('lets the operator sign in and register a phone complaint typed in Persian, with Persian digits', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual([
      'fa',
      'rtl',
    ]);
    await page.getByLabel('نام کاربری').fill('operator1');
    await page.getByLabel('گذرواژه').fill('samad-demo');
    await shoot(page, 'sign-in');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('گذرواژه').press('Enter');
    await page.waitForURL(`${base}/register`);

    // Keyboard only, typed as an operator would: focus starts on the national code, Tab walks the form in
    // reading order, the selects search as typed, Ctrl+Enter registers. A wrong check digit shows at once.
    const keys = page.keyboard;
    await page.getByLabel('کد ملی', { exact: true }).waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('nationalCode');
    await keys.type('۰۴۹۹۳۷۰۸۹۸');
    await page.getByText('رقم کنترل کد ملی درست نیست').waitFor();
    await keys.press('Backspace');
    await keys.type('۹');
    await page.getByText('کد ملی معتبر است').waitFor();
    await page.getByTestId('caller-history').waitFor(); // the caller's earlier requests, at once
    await keys.press('Tab');
    await keys.type('۰۹۱۷۱۲۳۴۵۶۷'); // mobile
    await keys.press('Tab');
    await keys.type('زهرا كريمي'); // full name, with the Arabic ي and ك an Arabic keyboard gives
    await keys.press('Tab'); // channel: 111 call already
    await keys.press('Tab'); // kind: complaint already
    await keys.press('Tab');
    // A select filters as the operator types; Enter takes the highlighted option once it is there.
    const choose = async (text: string) => {
      await keys.type(text);
      await page.locator('.ant-select-item-option-active', { hasText: text }).waitFor();
      await keys.press('Enter');
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .waitFor({ state: 'hidden' });
    };
    await choose('میناب'); // county
    await keys.press('Tab');
    await choose('قطعی آب'); // category
    await keys.press('Tab');
    await keys.type('قطعی آب در محله از سه روز پیش؛ پلاک ۱۲');
    await shoot(page, 'register');
    expect(await accessibilityProblems(page)).toEqual([]);
    await keys.press('Control+Enter');

    const shown = page.getByTestId('tracking-code');
    await shown.waitFor({ timeout: 30000 });
    const text = (await shown.textContent()) ?? '';
    expect(text).toMatch(/^[۰-۹]{3}-[۰-۹]{3}-[۰-۹]{4}$/);
    trackingCode = toAscii(text).replace(/-/g, '');
    await shoot(page, 'tracking-code');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  }, 120000);

  it('shows it in the water agency’s inbox without reloading, and its staff answers it (field errors beside the field)', async () => {
    expect(trackingCode).toMatch(/^\d{10}$/);
    // The page opened before the registration: the new request is announced there, over the live stream
    // (the inbox does not poll while live), and the page was never reloaded.
    const page = staffInbox;
    await page.getByTestId(`live-notice-${trackingCode}`).waitFor({ timeout: 60000 });
    expect(await page.evaluate('window.__noReload')).toBe(1);
    expect(page.url()).toBe(`${base}/agency/inbox`);
    await page.locator('[data-testid="inbox-live"][data-live="yes"]').waitFor();
    // The inbox is shared with every earlier test's requests: the staff searches the code as a citizen reads
    // it (Persian digits and dashes), which asks the server.
    const persianCode = trackingCode.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    await page.getByLabel('جستجو در کارتابل').fill(persianCode.replace(/^(.{3})(.{3})/, '$1-$2-'));
    const row = page.getByTestId(`inbox-${trackingCode}`);
    await row.waitFor({ timeout: 90000 });
    await shoot(page, 'inbox');
    expect(await accessibilityProblems(page)).toEqual([]);

    await row.click();
    await page.waitForURL(`${base}/agency/requests/${trackingCode}`);
    await page.getByText('زهرا کریمی').first().waitFor(); // stored with Persian ی and ک
    expect(await accessibilityProblems(page)).toEqual([]);
    // Acknowledged first: the status follows once the agency's read model has the event.
    await page.getByRole('button', { name: 'اعلام وصول' }).click();
    await page.getByText('در دست بررسی').waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'پاسخ', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Sent empty: the API's Problem Details name the field, and the dialog shows it under that field.
    await dialog.getByRole('button', { name: 'ارسال' }).click();
    await dialog
      .locator('.ant-form-item-explain-error')
      .getByText('متن پاسخ را بنویسید یا الگویی برگزینید')
      .waitFor();
    await shoot(page, 'answer-dialog');
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByLabel('متن پاسخ به شهروند').fill(answerText);
    await dialog.getByRole('button', { name: 'ارسال' }).click();
    await page.getByTestId('answer-shown').getByText(answerText).waitFor({ timeout: 30000 });
    await page.close();

    // Another agency's staff, with the request's URL: nothing of it, as if it did not exist.
    const other = await context.newPage();
    await signInAs(other, base, 'staff.bargh', '/agency/inbox');
    await other.goto(`${base}/agency/requests/${trackingCode}`);
    await other.getByText('موردی نیست').waitFor();
    expect(await other.getByText('زهرا کریمی').count()).toBe(0);
    await other.close();
  }, 180000);

  it('lets the citizen track it with the code and the last four mobile digits, and see the answer', async () => {
    expect(trackingCode).toMatch(/^\d{10}$/);
    const page = await context.newPage();
    await page.goto(`${base}/track`);
    const persian = trackingCode.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    await page.getByLabel('کد رهگیری').pressSequentially(persian);
    await page.getByLabel('چهار رقم آخر تلفن همراه').pressSequentially('۴۵۶۷');
    await page.getByRole('button', { name: 'پیگیری' }).click();
    const answer = page.getByTestId('tracked-answer');
    await answer.getByText(answerText).waitFor({ timeout: 30000 });
    const tracked = (await page.getByTestId('tracked').textContent()) ?? '';
    expect(tracked).toContain('آب و فاضلاب'); // the agency, by its Persian name
    expect(tracked).toMatch(/۱۴۰[0-9۰-۹]/); // Jalali year, Persian digits
    expect(tracked).not.toMatch(/[0-9]/); // no Latin digits on the Persian screen
    await shoot(page, 'track');
    expect(await accessibilityProblems(page)).toEqual([]);

    // Rates it, by keyboard as much as by mouse: five stars, then send.
    await page.getByRole('radio').nth(4).click();
    await page.getByRole('button', { name: 'ثبت امتیاز' }).click();
    await page.getByTestId('verdict-given').getByText('امتیاز شما: ۵ / ۵').waitFor({ timeout: 30000 });

    // The English switch: the same screen left to right.
    await page.getByTestId('lang-switch').click();
    expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual([
      'en',
      'ltr',
    ]);
    await page.getByRole('heading', { name: 'Track a request' }).waitFor();
    await shoot(page, 'track-en');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId('lang-switch').click();
    expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).toContain('Vazirmatn');
    expect(await page.evaluate("document.fonts.check('16px Vazirmatn')")).toBe(true);
    await page.close();
  }, 120000);

  it('pops the registration form up on the operator’s open screen when the PBX reports a call, no reload', async () => {
    expect(trackingCode).toMatch(/^\d{10}$/);
    const page = await context.newPage();
    // The call stream answers once calls reach it (its first event), so the PBX is called only after that.
    const streamOpen = page.waitForResponse(
      (r) => r.url().endsWith('/api/telephony/calls/events') && r.status() === 200,
    );
    await signInAs(page, base, 'operator1', '/register');
    await page.getByRole('link', { name: 'خانه' }).click();
    await page.waitForURL(`${base}/`);
    await streamOpen;
    let loads = 0;
    page.on('load', () => loads++);

    // What the Asterisk dialplan sends (docs/telephony.md): the caller as the PBX has it, the extension.
    const res = await fetch(`${harness.serviceUrls.intake}/api/telephony/answered-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telephony-key': PBX_KEY },
      body: JSON.stringify({ callerNumber: '+۹۸۹۱۷۱۲۳۴۵۶۷', extension: '201' }),
    });
    expect(res.status).toBe(202);
    await page.waitForURL(`${base}/register`);
    await page.getByTestId('incoming-call').getByText('۰۹۱۷۱۲۳۴۵۶۷').waitFor();
    expect(await page.getByTestId('mobile').inputValue()).toBe('۰۹۱۷۱۲۳۴۵۶۷');
    // The caller's earlier requests, the one registered above among them.
    const history = page.getByTestId('caller-history');
    await history
      .getByText(
        trackingCode
          .replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)))
          .replace(/^(.{3})(.{3})/, '$1-$2-'),
      )
      .waitFor();
    expect(loads).toBe(0);
    await shoot(page, 'screen-pop');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  }, 120000);

  it('shows the supervisor the province’s figures and each agency’s on-time rate, in charts', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'supervisor1', '/supervisor');
    // Reporting's read model follows Kafka: the answered-on-time figure appears once it has the answer.
    await page
      .getByTestId('on-time-rate')
      .getByText(/[۰-۹]+٪/)
      .waitFor({ timeout: 90000 });
    await page.locator('svg').first().waitFor();
    expect(await page.getByText('آب و فاضلاب').count()).toBeGreaterThan(0);
    await shoot(page, 'supervisor');
    expect(await accessibilityProblems(page)).toEqual([]);

    // A spoilt access token (as after its 15 minutes): the console renews it with the refresh token.
    await page.evaluate(
      `(() => { const s = JSON.parse(sessionStorage.getItem('samad.session'));
        sessionStorage.setItem('samad.session', JSON.stringify({ ...s, accessToken: s.accessToken + 'x' })); })()`,
    );
    await page.reload();
    await page
      .getByTestId('on-time-rate')
      .getByText(/[۰-۹]+٪/)
      .waitFor({ timeout: 30000 });
    await page.close();
  }, 150000);

  it('shows the supervisor the overdue, escalation and manual-routing lists as paged tables', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'supervisor1', '/supervisor');
    // Each list is a tab; its table renders once the server's page (rows or the empty note) has come.
    const tab = async (name: string, testId: string) => {
      await page.getByRole('tab', { name }).click();
      const table = page.getByTestId(testId);
      await table.locator('.ant-table').waitFor({ timeout: 30000 });
      await table.locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 30000 });
      expect(await table.getByRole('columnheader', { name: 'کد رهگیری' }).count()).toBe(1);
    };
    await tab('درخواست‌های گذشته از مهلت', 'overdue-table');
    await shoot(page, 'supervisor-overdue');
    expect(await accessibilityProblems(page)).toEqual([]);
    await tab('درخواست‌های تشدیدشده', 'escalations-table');
    expect(await accessibilityProblems(page)).toEqual([]);
    await tab('صف ارجاع دستی', 'manual-queue-table');
    await shoot(page, 'supervisor-manual-queue');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  }, 120000);

  it('shows the auditor the request’s verified history and verifies the whole store', async () => {
    expect(trackingCode).toMatch(/^\d{10}$/);
    const page = await context.newPage();
    await signInAs(page, base, 'auditor1', '/audit');
    const persian = trackingCode.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    await page.getByLabel('کد رهگیری').fill(persian);
    await page.getByRole('button', { name: 'نمایش', exact: true }).click();
    const history = page.getByTestId('audit-history');
    await history.waitFor({ timeout: 30000 });
    // Registered, routed, acknowledged, answered, rated: each with its hash; the chain verified.
    expect(await history.getByTestId('history-event').count()).toBeGreaterThanOrEqual(4);
    const hashes = await history
      .getByTestId('event-hash')
      .evaluateAll((codes) => codes.map((c) => c.getAttribute('title')));
    expect(hashes.every((h) => typeof h === 'string' && /^[0-9a-f]{16,}$/i.test(h))).toBe(true);
    await page.getByTestId('chain-verification').getByText('زنجیره درهم‌نگارها سالم است').waitFor();
    expect(await history.getByText('RequestRegistered').count()).toBe(1);

    await page.getByTestId('verify-all').click();
    await page
      .getByTestId('verification')
      .getByText('وارسی موفق', { exact: false })
      .waitFor({ timeout: 90000 });
    await shoot(page, 'auditor');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
    expect(foreignRequests).toEqual([]);
  }, 150000);
});
