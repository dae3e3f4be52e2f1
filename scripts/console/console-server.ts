/**
 * The console's one origin for local runs (ADR 0040): the built single-page app and, under the same host, the
 * four services' HTTP APIs, routed by the Kubernetes Ingress's own path map, so the browser needs no CORS.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createProxyServer } from 'http-proxy';
import { consoleService, ingressFile, ingressPaths, readIngresses, routeResolver } from './ingress-routes';

export interface ConsoleServerOptions {
  /** The repository root: the ingress file is read from infra/k8s/base/ingress.yaml under it. */
  root: string;
  /** The built app (vite build's outDir). */
  staticDir: string;
  /** Base URLs of each service's instances, e.g. { intake: ['http://127.0.0.1:3001'] }; round-robin. */
  backends: Record<string, string[]>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

// The app loads nothing from another origin (fonts are bundled): say so to the browser. The production image
// sends the same (infra/k8s/console/security-headers.conf, compared in console-nginx.int.spec.ts).
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://console').pathname);
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad path');
    return;
  }
  const candidate = normalize(join(staticDir, pathname));
  const inside = candidate === staticDir || candidate.startsWith(staticDir + sep);
  const isFile = inside && existsSync(candidate) && statSync(candidate).isFile();
  // A client-side route (/agency/inbox, /track/…) gets the app's index.html; a missing asset is a 404.
  if (!isFile && extname(pathname) !== '') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders }).end('not found');
    return;
  }
  const file = isFile ? candidate : join(staticDir, 'index.html');
  if (!existsSync(file)) {
    res
      .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('the console is not built: run npx vite build --config apps/console/vite.config.mjs');
    return;
  }
  const hashed = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...securityHeaders,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** Starts the server; resolves once it listens. */
export async function startConsoleServer(
  options: ConsoleServerOptions,
  port: number,
  host = '127.0.0.1',
): Promise<Server> {
  const serviceFor = routeResolver(ingressPaths(readIngresses(ingressFile(options.root))));
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 120000 });
  const turn = new Map<string, number>();
  const backendOf = (service: string): string | undefined => {
    const targets = options.backends[service] ?? [];
    if (targets.length === 0) return undefined;
    const next = (turn.get(service) ?? 0) % targets.length;
    turn.set(service, next + 1);
    return targets[next];
  };
  proxy.on('error', (_error, _req, res) => {
    const response = res as ServerResponse;
    if ('headersSent' in response && !response.headersSent) {
      response.writeHead(502, { 'Content-Type': 'application/problem+json' });
      response.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'سرویس در دسترس نیست (the service is not answering)',
          status: 502,
          code: 'SERVICE_UNAVAILABLE',
        }),
      );
    } else response.end();
  });
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://console').pathname;
    const service = serviceFor(pathname);
    // The ingress's console backend is this server's own files; a service not running here has none either.
    const target = service && service !== consoleService && backendOf(service);
    if (target) proxy.web(req, res, { target });
    else serveStatic(options.staticDir, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  server.on('close', () => proxy.close());
  return server;
}
