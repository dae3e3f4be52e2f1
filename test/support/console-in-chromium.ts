// What every browser test stands on: the real services as processes, the console's one-origin server in
// front of them (ADR 0040), and Debian's Chromium driven by playwright-core, in Persian and Tehran time.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { toPersianDigits } from '@samad/request-lifecycle';
import { startConsoleServer } from '../../scripts/console/console-server';
import { repoRoot, waitFor } from './environment';
import { startService, stopService, type RunningService } from './service-process';

/** Digits as the console shows them (Persian), for numbers and codes a test looks for on screen. */
export const persianDigits = (text: string | number): string => toPersianDigits(String(text));
/** A tracking code as the console shows it: grouped 3-3-4 in Persian digits. */
export const groupedCode = (code: string): string =>
  persianDigits(code.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3'));

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const staticDir = join(repoRoot, 'dist', 'console');
export const screenshots = join(repoRoot, 'docs', 'screenshots');

export type ConsoleServiceName = 'intake' | 'routing' | 'agency' | 'reporting';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** axe-core's WCAG 2 A/AA rules on the page as it is; the serious and critical findings, described. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the console's Content-Security-Policy forbids inline scripts.
  await page.evaluate(axe.source);
  // Strings, not functions: this file is compiled for Node, without the DOM's types.
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as axe.AxeResults;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

export interface ConsoleInChromium {
  /** The console's origin, e.g. http://127.0.0.1:40123. */
  readonly base: string;
  readonly context: BrowserContext;
  /** Every URL the browser asked for outside the console's origin (there should be none). */
  readonly foreignRequests: string[];
  /** Each started service's own base URL (past the console server). */
  readonly serviceUrls: Partial<Record<ConsoleServiceName, string>>;
  close(): Promise<void>;
}

/** Starts `names` (with extra environment per service), the console server before them, and Chromium. */
export async function startConsoleInChromium(
  names: readonly ConsoleServiceName[],
  envOf: Partial<Record<ConsoleServiceName, Record<string, string>>> = {},
): Promise<ConsoleInChromium> {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}: install it with \`apt-get install chromium\``);
  if (!existsSync(join(staticDir, 'index.html')))
    throw new Error('the console is not built: run `npx vite build --config apps/console/vite.config.mjs`');
  const services: RunningService[] = [];
  const backends: Record<string, string[]> = {};
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  let userDataDir: string | undefined;
  const close = async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await Promise.all(services.map((service) => stopService(service)));
  };
  try {
    for (const name of names) {
      const service = startService(name, await freePort(), envOf[name] ?? {});
      services.push(service);
      backends[name] = [service.baseUrl];
    }
    const ready = (service: RunningService, name: string) =>
      waitFor(
        `${name} ready`,
        async () => ((await fetch(`${service.baseUrl}/health/ready`)).status === 200 ? true : undefined),
        { timeoutMs: 150000, intervalMs: 500 },
      );
    await Promise.all(services.map((service, i) => ready(service, names[i]))).catch((error: unknown) => {
      services.forEach((service, i) =>
        process.stderr.write(`--- ${names[i]}\n${service.output().slice(-3000)}\n`),
      );
      throw error;
    });
    const port = await freePort();
    server = await startConsoleServer({ root: repoRoot, staticDir, backends }, port);
    const base = `http://127.0.0.1:${port}`;
    mkdirSync(screenshots, { recursive: true });
    userDataDir = mkdtempSync(join(tmpdir(), 'samad-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
      locale: 'fa-IR',
      timezoneId: 'Asia/Tehran',
    });
    // One origin: nothing, fonts included, may come from anywhere else.
    const foreignRequests: string[] = [];
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(base) && !url.startsWith('data:')) foreignRequests.push(url);
    });
    const serviceUrls = Object.fromEntries(names.map((name, i) => [name, services[i].baseUrl]));
    return { base, context, foreignRequests, serviceUrls, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Signs `username` (a demo user) in through the sign-in screen; waits for `landing` when given. */
export async function signInAs(page: Page, base: string, username: string, landing?: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('گذرواژه').fill('samad-demo');
  await page.getByLabel('گذرواژه').press('Enter');
  if (landing) await page.waitForURL(`${base}${landing}`);
}
