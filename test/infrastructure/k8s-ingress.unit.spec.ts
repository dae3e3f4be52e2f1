// The Ingress is the only way in (network-policies.yaml), so it must send every route each service serves to
// that service, and nothing else (health probes stay inside the cluster). Routes are read from the source.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PORTS, type ServiceName } from '@samad/service-kit';
import {
  consoleService,
  ingressFile,
  ingressPaths,
  readIngresses,
  routeResolver,
} from '../../scripts/console/ingress-routes';
import { repoRoot } from '../support/environment';

const services = Object.keys(DEFAULT_PORTS) as ServiceName[];
// The same reading of the file the console's local server routes by (ADR 0040): one path map.
const ingresses = readIngresses(ingressFile(repoRoot));
const paths = ingressPaths(ingresses);

/** Each HTTP route a service's controllers declare, with `:params` filled in (as a caller would send it). */
function routesOf(service: ServiceName): string[] {
  const dir = join(repoRoot, 'apps', service, 'src');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.controller.ts') && !f.endsWith('.message.controller.ts'),
  );
  const routes = files.flatMap((file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const prefix = /@Controller\('([^']*)'\)/.exec(source)?.[1];
    if (prefix === undefined) return [];
    return [...source.matchAll(/@(?:Get|Post|Put|Patch|Delete)\((?:'([^']*)')?\)/g)].map((m) =>
      `/${prefix}/${m[1] ?? ''}`.replace(/\/$/, ''),
    );
  });
  // The dead-letter console is one controller of libs/service-kit, mounted by every service under its name.
  const deadLetters = [`/api/admin/dead-letters/${service}`, `/api/admin/dead-letters/${service}/:id`];
  return [...routes, ...deadLetters].map((route) => route.replace(/:[a-zA-Z]+/g, '4837284308'));
}

/** The service ingress-nginx picks: regex locations `~* ^path`, longest path first. */
const serviceFor = routeResolver(paths);

describe('Kubernetes Ingress (infra/k8s/base/ingress.yaml)', () => {
  it('is ingress-nginx Ingresses with regex paths on the services’ named http ports', () => {
    expect(ingresses.map((i) => i.metadata.name)).toEqual(['samad', 'samad-live']);
    for (const ingress of ingresses) {
      expect(ingress.spec.ingressClassName).toBe('nginx');
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/use-regex']).toBe('true');
    }
    for (const p of paths) {
      expect(p.pathType).toBe('ImplementationSpecific');
      expect([...services, consoleService]).toContain(p.backend.service.name);
      expect(p.backend.service.port.name).toBe('http');
    }
  });

  it.each(services)('sends every route of %s to that service', (service) => {
    const routes = routesOf(service);
    expect(routes.length).toBeGreaterThan(2);
    expect(routes.map((route) => [route, serviceFor(route)])).toEqual(
      routes.map((route) => [route, service]),
    );
  });

  it('sends Open311 GeoReport v2 to intake, in both formats (ADR 32)', () => {
    for (const route of ['/open311/v2/discovery.json', '/open311/v2/requests/4837284308.xml'])
      expect(serviceFor(route)).toBe('intake');
  });

  it("sends the agency onboarding kit's AsyncAPI document to agency", () => {
    expect(serviceFor('/asyncapi')).toBe('agency');
    expect(serviceFor('/asyncapi/other')).toBe(consoleService);
  });

  it('sends the knowledge base to intake, answer templates to agency (ADR 36)', () => {
    expect(serviceFor('/api/knowledge/articles')).toBe('intake');
    expect(serviceFor('/api/knowledge/suggestions')).toBe('intake');
    expect(paths.some((p) => p.path.startsWith('/api/knowledge'))).toBe(true);
  });

  it('sends every other path to the console: its files and its client routes (ADR 0046)', () => {
    for (const path of ['/', '/index.html', '/assets/index-4f2a.js', '/agency/inbox', '/track/4837284308'])
      expect(serviceFor(path)).toBe(consoleService);
    // The shortest path, so any service's path wins over it.
    expect(paths.filter((p) => p.backend.service.name === consoleService).map((p) => p.path)).toEqual(['/']);
  });

  it('streams the live inbox (server-sent events) unbuffered, open past the 20 s heartbeat (ADR 44)', () => {
    expect(serviceFor('/api/agency/inbox/events')).toBe('agency');
    // The Ingress whose path ingress-nginx picks (the longest match) sets the location's buffering.
    const matching = paths.filter((p) => new RegExp(`^${p.path}`, 'i').test('/api/agency/inbox/events'));
    const picked = matching.reduce((a, b) => (b.path.length > a.path.length ? b : a));
    const live = ingresses.find((i) => ingressPaths([i]).includes(picked)) ?? ingresses[0];
    expect(live.metadata.name).toBe('samad-live');
    const annotation = (name: string) => live.metadata.annotations[`nginx.ingress.kubernetes.io/${name}`];
    expect(annotation('proxy-buffering')).toBe('off');
    expect(Number(annotation('proxy-read-timeout'))).toBeGreaterThan(20);
    // Only the streams: everything else keeps the main Ingress's buffering and timeouts.
    expect(serviceFor('/api/agency/inbox')).toBe('agency');
    expect(ingressPaths([live]).every((p) => p.path.endsWith('/events$'))).toBe(true);
    // The operator's calls (the screen pop, ADR 45) stream the same way, from intake.
    expect(serviceFor('/api/telephony/calls/events')).toBe('intake');
    expect(ingressPaths([live]).map((p) => p.path)).toContain('/api/telephony/calls/events$');
  });

  it("keeps the services' health probes inside the cluster: the console answers those paths", () => {
    for (const probe of ['/health', '/health/ready', '/health/live'])
      expect(serviceFor(probe)).toBe(consoleService);
  });

  it("keeps the services' /metrics inside the cluster (Prometheus scrapes it, see observability/)", () => {
    for (const path of ['/metrics', '/metrics/', '/Metrics']) expect(serviceFor(path)).toBe(consoleService);
  });
});
