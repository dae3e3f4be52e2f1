// The administrator's users screen in a real browser (issue 14 item 7, ADR 48): Debian's Chromium driven by
// playwright-core against intake and routing behind the console's one-origin server. The admin creates an
// agency staff member (a refused username and a missing agency first, each error beside its field), finds
// them in the paged table, disables them; axe-core scans the screen and docs/screenshots/admin-users.png.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { BrowserContext } from 'playwright-core';
import {
  accessibilityProblems,
  shoot,
  startConsoleInChromium,
  type ConsoleInChromium,
  signInAs,
} from '../support/console-in-chromium';
import { testEnv } from '../support/environment';

describe('the administrator’s users screen in Chromium', () => {
  let harness: ConsoleInChromium;
  let base: string;
  let context: BrowserContext;
  // The database is shared: this run's user has a name of its own and is deleted after.
  const username = `ui.${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;

  const signIn = (pw: string) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: pw }),
    });

  beforeAll(async () => {
    harness = await startConsoleInChromium(['intake', 'routing']);
    ({ base, context } = harness);
  }, 240000);

  afterAll(async () => {
    const client = new Client({ connectionString: testEnv.databaseUrl });
    await client.connect();
    await client.query(`DELETE FROM intake.users WHERE username = $1`, [username]);
    await client.end();
    await harness?.close();
  }, 60000);

  it('lets the admin create a user (refused values first), find them in the table and disable them', async () => {
    const page = await context.newPage();
    await signInAs(page, base, 'admin1', '/admin');
    await page.getByRole('tab', { name: 'کاربران' }).click();
    const table = page.getByTestId('admin-users');
    await table.getByRole('row', { name: /admin1/ }).waitFor();

    // A new user, by keyboard: a username with capitals and a space, an agency role with no agency.
    await page.getByRole('button', { name: 'کاربر تازه' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('نام کاربری').fill('Staff Member');
    await dialog.getByLabel('نقش').click();
    await page.keyboard.type('کارشناس');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('دستگاه').waitFor();
    expect(await dialog.getByLabel('شماره داخلی').count()).toBe(0);
    await dialog.getByLabel('گذرواژه آغازین').fill(password);
    await dialog.getByRole('button', { name: 'ساختن کاربر' }).click();
    const usernameError = dialog.locator('.ant-form-item-explain-error', { hasText: 'نام کاربری: ۳ تا ۶۴' });
    const agencyError = dialog.locator('.ant-form-item-explain-error', { hasText: 'دستگاه را برگزینید' });
    await usernameError.waitFor();
    await agencyError.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await dialog.getByLabel('نام کاربری').fill(username);
    await dialog.getByLabel('دستگاه').click();
    await page.keyboard.type('آب و فاضلاب');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'ساختن کاربر' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await signIn(password)).status).toBe(200);

    // In the table, narrowed to this run's user.
    await page.getByLabel('جستجوی نام کاربری').fill(username);
    await page.getByLabel('جستجوی نام کاربری').press('Enter');
    const row = table.getByRole('row', { name: new RegExp(username.replace('.', '\\.')) });
    await row.getByText('کارشناس دستگاه').waitFor();
    expect(await row.textContent()).toContain('شرکت آب و فاضلاب استان هرمزگان');
    await row.getByText('فعال', { exact: true }).waitFor();
    await page
      .locator('.ant-message')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'admin-users');

    // Disabled from its row: the switch in the edit dialog; they can no longer sign in.
    await row.getByRole('button', { name: `ویرایش: ${username}` }).click();
    await dialog.getByRole('switch').click();
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('غیرفعال').waitFor();
    expect(await row.textContent()).toContain('admin1');
    expect((await signIn(password)).status).toBe(401);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  }, 180000);
});
