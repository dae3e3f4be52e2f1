// The console image's nginx configuration (infra/k8s/console, ADR 0046), run by this machine's nginx over the
// built dist/console: client routes get index.html, hashed assets are cached for ever, a missing file is a 404,
// and every answer carries the local console server's security headers. Docker is not needed.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  openSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../../scripts/console/console-server';
import { repoRoot, waitFor } from '../support/environment';

const nginxBin = process.env.NGINX_BIN ?? 'nginx';
const configDir = join(repoRoot, 'infra', 'k8s', 'console');
const staticDir = join(repoRoot, 'dist', 'console');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const headersOf = (response: Response, names: string[]): Record<string, string | null> =>
  Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
const expectSecurityHeaders = (response: Response): void =>
  expect(headersOf(response, Object.keys(securityHeaders))).toEqual(securityHeaders);

describe('the console image’s nginx (infra/k8s/console/nginx.conf)', () => {
  let prefix: string;
  let nginx: ChildProcess;
  let base: string;
  const indexHtml = (): string => readFileSync(join(staticDir, 'index.html'), 'utf8');

  beforeAll(async () => {
    if (!existsSync(join(staticDir, 'index.html')))
      throw new Error('the console is not built: run `npx vite build --config apps/console/vite.config.mjs`');
    prefix = mkdtempSync(join(tmpdir(), 'samad-console-nginx-'));
    // Run as root, nginx's workers are "nobody": they must be able to enter the directory.
    chmodSync(prefix, 0o755);
    const port = await freePort();
    // The image's file with this machine's paths: the port, the files' root and the writable /tmp.
    // /tmp first: the checkout itself may live under /tmp.
    const config = readFileSync(join(configDir, 'nginx.conf'), 'utf8')
      .replace(/ \/tmp\//g, ` ${prefix}/`)
      .replace(/listen 8080;/, `listen 127.0.0.1:${port};`)
      .replace('root /usr/share/nginx/html;', `root ${staticDir};`);
    writeFileSync(join(prefix, 'nginx.conf'), config);
    copyFileSync(join(configDir, 'security-headers.conf'), join(prefix, 'security-headers.conf'));
    copyFileSync('/etc/nginx/mime.types', join(prefix, 'mime.types'));
    const args = ['-e', 'stderr', '-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf')];
    // A file, not a pipe: nginx opens /dev/stdout for its access log, which a socket pair cannot be.
    const log = openSync(join(prefix, 'nginx.log'), 'a');
    nginx = spawn(nginxBin, [...args, '-g', 'daemon off;'], { stdio: ['ignore', log, log] });
    closeSync(log);
    base = `http://127.0.0.1:${port}`;
    await waitFor(
      'nginx listening',
      async () =>
        (await fetch(`${base}/healthz`).catch(() => undefined))?.status === 200 ? true : undefined,
      { timeoutMs: 20000, intervalMs: 100 },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${readFileSync(join(prefix, 'nginx.log'), 'utf8')}`);
    });
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  it.each(['/', '/agency/inbox', '/track/4837284308', '/sign-in?next=%2Fregister'])(
    'answers the client route %s with the app’s index.html, never cached, with the security headers',
    async (path) => {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expectSecurityHeaders(response);
      expect(await response.text()).toBe(indexHtml());
    },
  );

  it('serves the hashed assets for a year, immutable, with their content types', async () => {
    const assets = readdirSync(join(staticDir, 'assets'));
    const script = assets.find((file) => file.endsWith('.js'));
    const font = assets.find((file) => file.endsWith('.woff2'));
    for (const [file, type] of [
      [script, /javascript/],
      [font, /^font\/woff2$/],
    ] as const) {
      const response = await fetch(`${base}/assets/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expectSecurityHeaders(response);
      expect(
        Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(staticDir, 'assets', file ?? ''))),
      ).toBe(true);
    }
  });

  it('answers a missing file with 404, not with the app', async () => {
    for (const path of ['/assets/index-missing.js', '/favicon-missing.png', '/assets/']) {
      const response = await fetch(`${base}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.text()).not.toContain('<div id="root">');
    }
  });

  it('only reads: other methods get 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${base}/agency/inbox`, {
        method,
        body: method === 'DELETE' ? undefined : 'x',
      });
      expect([method, response.status]).toEqual([method, 405]);
    }
    expect((await fetch(`${base}/`, { method: 'HEAD' })).status).toBe(200);
  });

  it('does not say which nginx it is', async () => {
    const response = await fetch(`${base}/agency/inbox`);
    expect(response.headers.get('server')).toBe('nginx');
    const missing = await fetch(`${base}/assets/index-missing.js`);
    expect(await missing.text()).not.toMatch(/nginx\/\d/);
  });
});
