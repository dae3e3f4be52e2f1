// The administrator keeps the routing rules in a real browser (issue 14 item 7, ADR 49): Debian's Chromium
// against intake and routing behind the console's one-origin server. A rule the category already has is
// refused beside the agency; a Qeshm rule is added, its priority edited and it is deleted (confirmed from the
// keyboard); the category's last every-county rule cannot be deleted; the history lists each change with
// Jalali dates. Scanned with axe-core in both languages; photographed into docs/screenshots/admin-rules.png.
import type { BrowserContext, Page } from 'playwright-core';
import {
  accessibilityProblems,
  shoot,
  startConsoleInChromium,
  type ConsoleInChromium,
  signInAs,
  persianDigits,
} from '../support/console-in-chromium';

// A category no other browser test touches: its seeded every-county rule sends it to the environment agency.
const CATEGORY = 'ENV-POLLUTION';

interface Rule {
  id: number;
  category: { code: string };
  county: { code: string } | null;
  changedBy?: string;
}

describe('the administrator keeps the routing rules in Chromium', () => {
  let harness: ConsoleInChromium;
  let base: string;
  let context: BrowserContext;
  let adminToken = '';

  const asAdmin = (method: string, path: string) =>
    fetch(`${base}${path}`, { method, headers: { Authorization: `Bearer ${adminToken}` } });

  /** Deletes the Qeshm rules of the category this test adds (a run that failed half-way may have left one). */
  const removeOurRules = async () => {
    const { items } = (await (await asAdmin('GET', '/api/routing/rules')).json()) as { items: Rule[] };
    for (const rule of items.filter((r) => r.category.code === CATEGORY && r.county?.code === 'QSM'))
      expect((await asAdmin('DELETE', `/api/routing/rules/${rule.id}`)).status).toBe(204);
  };

  beforeAll(async () => {
    harness = await startConsoleInChromium(['intake', 'routing']);
    ({ base, context } = harness);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin1', password: 'samad-demo' }),
    });
    adminToken = ((await login.json()) as { accessToken: string }).accessToken;
    await removeOurRules();
  }, 240000);

  afterAll(async () => {
    if (adminToken) await removeOurRules();
    await harness?.close();
  }, 60000);

  /** Opens the select labelled `label` in the open dialog, types `text` and takes the option it finds. */
  const choose = async (page: Page, label: string, text: string) => {
    await page.getByRole('dialog').getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(text);
    await page.locator('.ant-select-item-option-active', { hasText: text }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
  };
  const dismissMessages = (page: Page) =>
    page
      .locator('.ant-message-notice')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);

  it('adds a Qeshm rule after a refused duplicate, edits its priority, deletes it, and keeps the last fallback', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'admin1', '/admin');
    await page.getByRole('tab', { name: 'قواعد ارجاع' }).click();
    const rules = page.getByTestId('routing-rules');
    await rules.getByRole('row').nth(5).waitFor();

    // The every-county rule the category already has: refused beside the agency, in Persian.
    await page.getByRole('button', { name: 'افزودن قاعده' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'موضوع', 'آلودگی محیط زیست');
    await choose(page, 'دستگاه', 'حفاظت محیط زیست');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    const besideAgency = dialog
      .locator('.ant-form-item', { has: page.getByLabel('دستگاه', { exact: true }) })
      .locator('.ant-form-item-explain-error');
    await besideAgency.getByText('این موضوع در این شهرستان از پیش به همین دستگاه ارجاع می‌شود').waitFor();

    // On Qeshm, the free-zone organisation, priority 10.
    await choose(page, 'شهرستان', 'قشم');
    await choose(page, 'دستگاه', 'منطقه آزاد قشم');
    await dialog.getByLabel('اولویت قاعده').fill('10');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByLabel('جستجوی موضوع، شهرستان یا دستگاه').fill('آلودگی');
    const added = rules.getByRole('row', { name: /آلودگی محیط زیست.*قشم/ });
    await added.waitFor();
    expect(await added.textContent()).toContain('سازمان منطقه آزاد قشم');
    expect(await added.textContent()).toContain(persianDigits(10));
    expect(await added.textContent()).toContain('admin1');

    // Its priority edited to 25.
    const ruleName = 'آلودگی محیط زیست، قشم، سازمان منطقه آزاد قشم';
    await page.getByRole('button', { name: `ویرایش قاعده: ${ruleName}` }).click();
    await dialog.getByLabel('اولویت قاعده').fill('25');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await added.getByText(persianDigits(25), { exact: true }).waitFor();

    // The history: the edit (10 → 25) above the addition, with the Jalali date.
    const history = page.getByTestId('rule-changes');
    const edited = history.getByRole('row', { name: /ویرایش شد/ }).first();
    await edited.waitFor();
    expect(await edited.textContent()).toContain(`${persianDigits(10)} ← ${persianDigits(25)}`);
    expect(await edited.textContent()).toMatch(/۱۴[۰-۹]{2}/); // a Jalali year in Persian digits
    expect(await edited.textContent()).toContain('admin1');
    await dismissMessages(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'admin-rules');

    // Deleted, confirmed from the keyboard (the confirmation takes the focus).
    await page.getByRole('button', { name: `حذف قاعده: ${ruleName}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'حذف قاعده' }).waitFor();
    await page.keyboard.press('Enter');
    await added.waitFor({ state: 'detached' });
    await history
      .getByRole('row', { name: /حذف شد/ })
      .first()
      .waitFor();

    // The every-county rule is now the category's last: refused, saying where requests would go.
    await page.getByRole('button', { name: /^حذف قاعده: آلودگی محیط زیست، همه شهرستان‌ها/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'حذف قاعده' }).click();
    await page
      .getByTestId('rule-refused')
      .getByText(/صف ارجاع دستی/)
      .waitFor();
    expect(await rules.getByRole('row', { name: /آلودگی محیط زیست.*همه شهرستان‌ها/ }).count()).toBe(1);

    // The same screen in English, left to right: the history in Jalali dates with Latin digits.
    await page.getByTestId('lang-switch').click();
    await history
      .getByRole('row', { name: /Deleted/ })
      .first()
      .waitFor();
    expect(
      await history
        .getByRole('row', { name: /Changed/ })
        .first()
        .textContent(),
    ).toContain('10 → 25');
    await page.getByRole('button', { name: 'Add a rule' }).waitFor();
    await dismissMessages(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId('lang-switch').click();
    await page.close();
  }, 180000);
});
