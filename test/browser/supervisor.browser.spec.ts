// The supervisor's screen in a real browser (issue 14 item 5): Chromium against intake, routing, agency and
// reporting behind the console's one-origin server. A request is registered and ABFA's staff ask for more time
// through the APIs; the supervisor approves it from the extensions tab, downloads a month's scorecards as XLSX
// (a ZIP: it starts with PK), checks the scorecards' trend chart (Jalali months, the API's figures) and opens a
// campaign's board from the list of campaigns. Each new tab is scanned with axe-core.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import {
  accessibilityProblems,
  shoot,
  startConsoleInChromium,
  type ConsoleInChromium,
  signInAs,
  persianDigits,
  groupedCode,
} from '../support/console-in-chromium';
import { waitFor } from '../support/environment';
import { citizen, registrationBody } from '../../apps/intake/test/intake-test-kit';

describe('the supervisor’s console in Chromium: extensions, scorecards, campaign boards', () => {
  let harness: ConsoleInChromium;
  let base: string;
  let context: BrowserContext;
  let trackingCode = '';
  let campaignId = '';
  let supervisor = '';
  // Each run's own name: the shared database keeps earlier runs' campaigns.
  const campaignName = `سفر استانی آزمون مرورگر ${persianDigits(String(Date.now() % 1_000_000))}`;
  const targetOn = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);

  const tokenOf = async (username: string): Promise<string> => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'samad-demo' }),
    });
    expect(login.status).toBe(200);
    return ((await login.json()) as { accessToken: string }).accessToken;
  };
  const post = (token: string, path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  const pendingCodes = async (): Promise<string[]> => {
    const res = await fetch(`${base}/api/reports/extension-requests?pageSize=200`, {
      headers: { Authorization: `Bearer ${supervisor}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { trackingCode: string }[] }).items.map((i) => i.trackingCode);
  };

  beforeAll(async () => {
    harness = await startConsoleInChromium(['intake', 'routing', 'agency', 'reporting']);
    ({ base, context } = harness);
    const operator = await tokenOf('operator1');
    const registered = await post(
      operator,
      '/api/requests',
      registrationBody({ citizens: [citizen()], countyCode: 'BND', categoryCode: 'WAT-CUT' }),
    );
    expect(registered.status).toBe(201);
    trackingCode = ((await registered.json()) as { trackingCode: string }).trackingCode;
    // Once routing has handed it to ABFA, its staff ask for three more days.
    const staff = await tokenOf('staff.abfa');
    const proposedDueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await waitFor(
      'ABFA to hold the request and ask for more time',
      async () => {
        const asked = await post(staff, `/api/agency/requests/${trackingCode}/extension-requests`, {
          proposedDueAt,
          reason: 'نیاز به بازدید میدانی کارشناس',
        });
        return asked.status === 200 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    supervisor = await tokenOf('supervisor1');
    await waitFor('the extension in the supervisor’s list', async () =>
      (await pendingCodes()).includes(trackingCode) ? true : undefined,
    );
    const campaign = await post(supervisor, '/api/campaigns', {
      name: campaignName,
      countyCodes: ['BND'],
      startsOn: new Date().toISOString().slice(0, 10),
      endsOn: new Date().toISOString().slice(0, 10),
      targetOn,
    });
    expect(campaign.status).toBe(201);
    campaignId = ((await campaign.json()) as { id: string }).id;
  }, 240000);

  afterAll(async () => {
    await harness?.close();
  }, 60000);

  const openTab = async (page: Page, name: string) => {
    await page.getByRole('tab', { name }).click();
  };

  it('approves an extension, downloads scorecards as XLSX and shows a campaign board', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'supervisor1');
    await page.getByRole('tab', { name: 'درخواست‌های تمدید مهلت' }).waitFor();

    // Extensions: the request appears (reporting projects it), its dialog shows the agency's reason.
    await openTab(page, 'درخواست‌های تمدید مهلت');
    const table = page.getByTestId('extension-requests-table');
    await table.getByText(groupedCode(trackingCode)).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'supervisor-extensions');

    // Refuse without a reason first: the API's refusal shows beside the reason field.
    await page.getByRole('button', { name: `رد ${trackingCode}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('نیاز به بازدید میدانی کارشناس').waitFor();
    await dialog.getByRole('button', { name: 'رد', exact: true }).click();
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'انصراف' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: `موافقت ${trackingCode}` }).click();
    await dialog.getByText('نیاز به بازدید میدانی کارشناس').waitFor();
    await dialog.getByRole('button', { name: 'موافقت', exact: true }).click();
    await page.getByText('تمدید مهلت پذیرفته شد').waitFor();
    await waitFor('the approved extension to leave the list', async () =>
      (await pendingCodes()).includes(trackingCode) ? undefined : true,
    );

    // Scorecards: this month's, downloaded as XLSX with the bearer token.
    await openTab(page, 'کارنامه دستگاه‌ها');
    await page.getByTestId('scorecards-panel').getByRole('table').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-scorecards-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^scorecards-.*\.xlsx$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

    // The trend: six months named in Persian, the last this Jalali month in Tehran, with the API's figures
    // (read from the description ECharts writes from the chart's own series for screen readers).
    const now = new Date();
    const tehran = (locale: string, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Tehran', ...options }).formatToParts(now);
    const partOf = (parts: Intl.DateTimeFormatPart[], type: string) =>
      parts.find((p) => p.type === type)?.value;
    const fa = tehran('fa-IR-u-ca-persian', { year: 'numeric', month: 'long' });
    const thisMonth = `${partOf(fa, 'month')} ${partOf(fa, 'year')}`;
    const latin = tehran('en-u-ca-persian-nu-latn', { year: 'numeric', month: '2-digit' });
    const thisMonthKey = `${partOf(latin, 'year')}-${partOf(latin, 'month')}`;
    const trend = page.getByTestId('scorecards-trend');
    const chart = trend.locator('[role="img"][aria-label]');
    await chart.waitFor();
    const monthLabel = /^(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}$/;
    const axisLabels = (await trend.locator('svg text').allTextContents()).filter((l) => monthLabel.test(l));
    expect(axisLabels).toHaveLength(6);
    expect(axisLabels).toContain(thisMonth);
    const api = await fetch(`${base}/api/reports/scorecards`, {
      headers: { Authorization: `Bearer ${supervisor}` },
    });
    expect(api.status).toBe(200);
    const { trend: months } = (await api.json()) as {
      trend: { month: string; total: { received: number; answered: number } }[];
    };
    const current = months[months.length - 1];
    expect(current.month).toBe(thisMonthKey);
    // At least the request registered above, routed to ABFA this month.
    expect(current.total.received).toBeGreaterThan(0);
    const described = (await chart.getAttribute('aria-label')) ?? '';
    const figure = (series: string) =>
      Number(new RegExp(`${series}: [^;]*${thisMonth}: (\\d+)`).exec(described)?.[1]);
    expect(figure('دریافتی')).toBe(current.total.received);
    expect(figure('پاسخ‌داده‌شده')).toBe(current.total.answered);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'supervisor-scorecards');
    // A month it cannot read: the refusal goes beside the month field.
    await page.getByRole('textbox', { name: 'ماه' }).fill('۱۴۰۵-۱۳');
    await page.getByRole('button', { name: 'نمایش' }).first().click();
    await page.getByTestId('scorecards-panel').getByRole('alert').waitFor();

    // A campaign's board, opened from the list of campaigns (its county and Jalali target day beside it).
    await openTab(page, 'کارنامه سفرها');
    const listed = page
      .getByTestId('campaign-list')
      .getByRole('row')
      .filter({ hasText: campaignName })
      .filter({ hasText: 'بندرعباس' });
    await listed.waitFor();
    const jalaliTarget = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
      timeZone: 'Asia/Tehran',
      dateStyle: 'medium',
    }).format(new Date(`${targetOn}T12:00:00Z`));
    expect(await listed.textContent()).toContain(jalaliTarget);
    expect(await accessibilityProblems(page)).toEqual([]);
    await listed.getByRole('button', { name: campaignName }).click();
    await page.getByRole('heading', { name: campaignName }).waitFor();
    expect(await page.getByLabel('شناسه سفر').inputValue()).toBe(campaignId);
    await page.getByTestId('download-campaign-' + campaignId + '-xlsx').waitFor();
    await page.getByTestId('campaign-board-table').getByRole('table').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(harness.foreignRequests).toEqual([]);
    await page.close();
  }, 180000);
});
