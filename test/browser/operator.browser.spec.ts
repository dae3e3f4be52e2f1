// The operator's registration screen in a real browser (issue 14 item 3): Debian's Chromium driven by
// playwright-core against intake and routing behind the console's one-origin server. Keyboard only, the
// operator registers a collective complaint with two further signatories and a scanned letter (a file the
// API refuses by its content first), then takes the same citizen's call about the same thing again and
// records it as a follow-up of the open request instead of registering another.
import { randomInt } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { nationalCodeCheckDigit } from '@samad/request-lifecycle';
import {
  accessibilityProblems,
  shoot,
  startConsoleInChromium,
  type ConsoleInChromium,
  signInAs,
  persianDigits,
} from '../support/console-in-chromium';
import { waitFor } from '../support/environment';

const toAscii = (text: string): string => text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
const randomDigits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');

/** A fresh valid national code, so every run meets a citizen with no history. */
function freshNationalCode(): string {
  for (;;) {
    const nine = randomDigits(9);
    const code = `${nine}${nationalCodeCheckDigit(nine)}`;
    if (!/^(\d)\1{9}$/.test(code)) return code;
  }
}

const freshCitizen = (fullName: string) => ({
  nationalCode: freshNationalCode(),
  mobile: `0917${randomDigits(7)}`,
  fullName,
});

const smallPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');

describe('the operator’s registration screen in Chromium: signatories, files, follow-ups', () => {
  let harness: ConsoleInChromium;
  let base: string;
  let context: BrowserContext;
  const caller = freshCitizen('مریم احمدی');
  const signatories = [freshCitizen('علی رضایی'), freshCitizen('فاطمه موسوی')];
  let trackingCode = '';

  beforeAll(async () => {
    harness = await startConsoleInChromium(['intake', 'routing']);
    ({ base, context } = harness);
  }, 240000);

  afterAll(async () => {
    await harness?.close();
  }, 60000);

  async function signIn(page: Page): Promise<void> {
    await signInAs(page, base, 'operator1', '/register');
    await page.getByLabel('کد ملی', { exact: true }).waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('nationalCode');
  }

  /** The caller, the county and the category typed as the operator does, ending in the description. */
  async function typeCall(page: Page, description: string): Promise<void> {
    const keys = page.keyboard;
    await keys.type(persianDigits(caller.nationalCode));
    await page.getByText('کد ملی معتبر است').waitFor();
    await keys.press('Tab');
    await keys.type(persianDigits(caller.mobile));
    await keys.press('Tab');
    await keys.type(caller.fullName);
    await keys.press('Tab'); // channel: 111 call already
    await keys.press('Tab'); // kind: complaint already
    await keys.press('Tab');
    const choose = async (text: string) => {
      await keys.type(text);
      await page.locator('.ant-select-item-option-active', { hasText: text }).waitFor();
      await keys.press('Enter');
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .waitFor({ state: 'hidden' });
    };
    await choose('میناب');
    await keys.press('Tab');
    await choose('قطعی آب');
    await keys.press('Tab');
    await keys.type(description);
  }

  /** The tracking codes of a citizen's requests, once the search's read model has caught up to `expected`. */
  async function requestsOf(page: Page, nationalCode: string, expected: string[]): Promise<string[]> {
    const token = (await page.evaluate(
      'JSON.parse(sessionStorage.getItem("samad.session")).accessToken',
    )) as string;
    const search = async () => {
      const res = await fetch(`${base}/api/requests/search`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ nationalCode }),
      });
      return ((await res.json()) as { items: { trackingCode: string }[] }).items.map((i) => i.trackingCode);
    };
    await waitFor('the search to list the request', async () =>
      (await search()).length >= expected.length ? true : undefined,
    ).catch(() => undefined);
    return search();
  }

  const focusedTestId = (page: Page) =>
    page.evaluate('document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.id');

  it('registers a collective complaint with two further signatories and a scanned letter, keyboard only', async () => {
    const page = await context.newPage();
    const keys = page.keyboard;
    await signIn(page);
    await typeCall(page, 'قطعی آب کوچه ما از یک هفته پیش؛ همسایگان امضا کرده‌اند');

    // Collective: Space ticks it and the first further signatory's row is there to type.
    await keys.press('Tab');
    expect(await focusedTestId(page)).toBe('collective');
    await keys.press('Space');
    await page.getByTestId('signatory-0').waitFor();
    const typeSignatory = async (s: { nationalCode: string; mobile: string; fullName: string }) => {
      await keys.type(persianDigits(s.nationalCode));
      await keys.press('Tab');
      await keys.type(persianDigits(s.mobile));
      await keys.press('Tab');
      await keys.type(s.fullName);
    };
    await keys.press('Tab');
    // The first signatory's code is typed with a wrong check digit: refused beside it, like the caller's.
    const wrong = `${signatories[0].nationalCode.slice(0, 9)}${(Number(signatories[0].nationalCode[9]) + 1) % 10}`;
    await typeSignatory({ ...signatories[0], nationalCode: wrong });
    await keys.press('Control+Enter');
    const checkDigit = page.getByTestId('signatory-0').getByText('رقم کنترل کد ملی درست نیست');
    await checkDigit.waitFor();
    await page.getByLabel('کد ملی (امضاکننده ۲)').focus();
    await keys.press('Control+A');
    await keys.type(persianDigits(signatories[0].nationalCode));
    await checkDigit.waitFor({ state: 'detached' });
    // Past the mobile, the name and the row's remove button to "add a signatory"; the new row takes the focus.
    for (let i = 0; i < 4; i++) await keys.press('Tab');
    expect(await focusedTestId(page)).toBe('add-signatory');
    await keys.press('Enter');
    await page.getByTestId('signatory-1').waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('signatories_1_nationalCode');
    await typeSignatory(signatories[1]);

    // Files: a text file is refused on the screen; a "PDF" that is not one is refused by the API's Problem.
    const attachments = page.getByTestId('attachments');
    await attachments.setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a letter') },
      { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is no PDF at all') },
    ]);
    await page.getByText('فقط PDF، JPEG یا PNG پذیرفته می‌شود: notes.txt').waitFor();
    await page.getByTestId('attachment-list').getByText('fake.pdf').waitFor();
    await page.getByTestId('description').focus();
    await keys.press('Control+Enter');
    await page.getByText('پرونده پذیرفته نشد: محتوای آن PDF، JPEG یا PNG نیست').waitFor();
    await page.getByRole('button', { name: 'حذف پرونده fake.pdf' }).focus();
    await keys.press('Enter');
    await page.getByTestId('attachment-list').waitFor({ state: 'detached' });
    await attachments.setInputFiles([{ name: 'letter.pdf', mimeType: 'application/pdf', buffer: smallPdf }]);
    const listed = page.getByTestId('attachment-list');
    await listed.getByText('letter.pdf').waitFor();
    expect(await listed.textContent()).toContain(
      `${persianDigits((smallPdf.length / 1024).toFixed(1))} کیلوبایت`,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await shoot(page, 'register-collective');

    await page.getByTestId('description').focus();
    const answer = page.waitForResponse((r) => r.url() === `${base}/api/requests` && r.status() === 201);
    await keys.press('Control+Enter');
    const registered = (await (await answer).json()) as { trackingCode: string; attachments?: unknown[] };
    expect(registered.attachments).toHaveLength(1);
    const shown = page.getByTestId('tracking-code');
    await shown.waitFor({ timeout: 30000 });
    trackingCode = toAscii((await shown.textContent()) ?? '').replace(/-/g, '');
    expect(trackingCode).toBe(registered.trackingCode);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Each signatory was registered with it: a search by the second's national code finds the request.
    expect(await requestsOf(page, signatories[1].nationalCode, [trackingCode])).toEqual([trackingCode]);
    await page.close();
  }, 180000);

  it('records the same citizen’s call about the same thing as a follow-up of the open request instead', async () => {
    expect(trackingCode).toMatch(/^\d{10}$/);
    const page = await context.newPage();
    const keys = page.keyboard;
    await signIn(page);
    await typeCall(page, 'دوباره تماس گرفت: آب هنوز وصل نشده است');

    // The open request in the same category and county is offered, its follow-up a few Tabs away.
    const offer = page.getByTestId('possible-duplicates');
    await offer
      .getByText(persianDigits(trackingCode).replace(/^(.{3})(.{3})/, '$1-$2-'))
      .waitFor({ timeout: 60000 });
    await keys.press('Tab'); // collective
    await keys.press('Tab'); // attachments
    await keys.press('Tab');
    expect(await focusedTestId(page)).toBe(`follow-up-${trackingCode}`);
    expect(await accessibilityProblems(page)).toEqual([]);
    const followedUp = page.waitForResponse((r) =>
      r.url().endsWith(`/api/requests/${trackingCode}/follow-ups`),
    );
    await keys.press('Enter');
    expect((await followedUp).status()).toBe(201);

    const recorded = page.getByTestId('follow-up-recorded');
    await recorded.waitFor({ timeout: 30000 });
    expect(toAscii((await recorded.textContent()) ?? '').replace(/-/g, '')).toBe(trackingCode);
    expect(await accessibilityProblems(page)).toEqual([]);

    // No second request: the citizen still has the one.
    expect(await requestsOf(page, caller.nationalCode, [trackingCode])).toEqual([trackingCode]);
    await page.close();
  }, 180000);
});
