// The supervisor's duplicates screen in a real browser (issue 14 item 5, ADR 27): Chromium against intake and
// reporting behind the console's one-origin server. Three requests of different citizens about one water cut
// are registered through the API; the supervisor examines the first, sees the others with why they are
// alike, merges one into it (confirmed in a dialog; the merged one then reads closed as its duplicate) and
// links the third with it into a collective matter, which the matters list shows.
import type { BrowserContext } from 'playwright-core';
import {
  accessibilityProblems,
  shoot,
  signInAs,
  startConsoleInChromium,
  type ConsoleInChromium,
  persianDigits,
  groupedCode,
} from '../support/console-in-chromium';
import { waitFor } from '../support/environment';
import { citizen, registrationBody } from '../../apps/intake/test/intake-test-kit';

describe('the supervisor’s duplicates screen in Chromium: similar requests, merge, matter', () => {
  let harness: ConsoleInChromium;
  let base: string;
  let context: BrowserContext;
  let supervisor = '';
  const codes: Record<'kept' | 'merged' | 'linked', string> = { kept: '', merged: '', linked: '' };

  const tokenOf = async (username: string): Promise<string> => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'samad-demo' }),
    });
    expect(login.status).toBe(200);
    return ((await login.json()) as { accessToken: string }).accessToken;
  };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${supervisor}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    harness = await startConsoleInChromium(['intake', 'reporting']);
    ({ base, context } = harness);
    const operator = await tokenOf('operator1');
    supervisor = await tokenOf('supervisor1');
    // A neighbourhood name of this run's own, so requests left on the database by earlier runs rank lower.
    const letters = 'ابپتجچحخدرزسشصطعفقکگلمنوهی';
    const place = Array.from({ length: 10 }, () => letters[Math.floor(Math.random() * letters.length)]).join(
      '',
    );
    const register = async (description: string): Promise<string> => {
      const res = await fetch(`${base}/api/requests`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${operator}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(
          registrationBody({
            citizens: [citizen()],
            countyCode: 'QSM',
            categoryCode: 'WAT-CUT',
            description,
          }),
        ),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { trackingCode: string }).trackingCode;
    };
    codes.kept = await register(`قطعی آب در خیابان امام خمینی محله ${place} از دیروز صبح تا الان`);
    codes.merged = await register(`قطع آب خیابان امام خمینی محله ${place} از دیروز صبح تاکنون ادامه دارد`);
    codes.linked = await register(`قطعی آب خیابان امام خمینی در محله ${place} از دیروز صبح`);
    // Intake projects each description from Kafka before the similarity query can find it.
    await waitFor(
      'the other two among the first one’s similar requests',
      async () => {
        const { items } = await get<{ items: { trackingCode: string }[] }>(
          `/api/requests/${codes.kept}/similar`,
        );
        const found = items.map((i) => i.trackingCode);
        return found.includes(codes.merged) && found.includes(codes.linked) ? true : undefined;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
  }, 240000);

  afterAll(async () => {
    await harness?.close();
  }, 60000);

  it('merges a duplicate into the request examined and links another into a matter', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'supervisor1', '/supervisor');
    await page.getByRole('tab', { name: 'ادغام تکراری‌ها' }).click();
    const panel = page.getByTestId('duplicates-panel');
    await panel.getByLabel('درخواست مورد بررسی').fill(persianDigits(codes.kept));
    await panel.getByLabel('درخواست مورد بررسی').press('Enter');

    // Both candidates, each with why: same category and county, and how alike the descriptions are.
    const similar = page.getByTestId('similar-table');
    const rowOf = (code: string) => similar.getByRole('row').filter({ hasText: groupedCode(code) });
    await rowOf(codes.merged).waitFor({ timeout: 90000 });
    await rowOf(codes.linked).waitFor();
    expect(await rowOf(codes.merged).textContent()).toMatch(/همان موضوع و شهرستان؛ همانندی شرح‌ها [۰-۹]+٪/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'supervisor-duplicates');

    // Merge, confirmed: the dialog names which one stays open and which one closes.
    await page.getByRole('button', { name: `ادغام ${codes.merged}` }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('merge-kept').textContent()).toBe(groupedCode(codes.kept));
    expect(await dialog.getByTestId('merge-merged').textContent()).toBe(groupedCode(codes.merged));
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'ادغام', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('merge-notice')
      .getByText(`${groupedCode(codes.merged)} بسته شد؛ ادامه در ${groupedCode(codes.kept)}`)
      .waitFor();
    // The merged request is closed as the kept one's duplicate, and leaves the list once intake has it.
    const asOf = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    const state = await get<{ state: { status: string; closure?: { reason: string; duplicateOf: string } } }>(
      `/api/requests/${codes.merged}/state?asOf=${asOf}`,
    );
    expect(state.state).toMatchObject({
      status: 'closed',
      closure: { reason: 'duplicate', duplicateOf: codes.kept },
    });
    await rowOf(codes.merged).waitFor({ state: 'detached', timeout: 90000 });

    // The third joins the kept one in a collective matter; the matters list shows both once intake has them.
    await page.getByRole('checkbox', { name: `برگزیدن ${codes.linked}` }).check();
    await page.getByRole('button', { name: 'پیوند برگزیده‌ها با این درخواست در یک موضوع جمعی' }).click();
    await page.getByText('در یک موضوع جمعی پیوند خوردند:', { exact: false }).waitFor();
    const matter = page
      .getByTestId('matters-table')
      .getByRole('row')
      .filter({ hasText: groupedCode(codes.kept) })
      .filter({ hasText: groupedCode(codes.linked) });
    await matter.waitFor({ timeout: 90000 });
    const { items } = await get<{ items: { requests: { trackingCode: string }[] }[] }>(
      '/api/requests/matters?pageSize=5',
    );
    expect(
      items.some(
        (m) =>
          m.requests
            .map((r) => r.trackingCode)
            .sort()
            .join() === [codes.kept, codes.linked].sort().join(),
      ),
    ).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    // In English the same screen reads left to right.
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Collective matters' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(harness.foreignRequests).toEqual([]);
    await page.close();
  }, 180000);
});
