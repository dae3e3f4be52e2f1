// Every object of every overlay, as kubectl kustomize builds it, against the pinned Kubernetes 1.32 and
// operator CRD schemas (infra/k8s/schemas). A broken manifest fails here with its kind, name and field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build, k8sRoot, overlaysOf, SchemaValidator } from '../support/k8s-schemas';

describe('Kubernetes manifests against the pinned schemas', () => {
  const validator = new SchemaValidator();
  const overlays = overlaysOf();

  it('there is an overlay to check', () => {
    expect(overlays.map((dir) => basename(dir))).toContain('hormozgan');
  });

  it.each(overlays.map((dir) => [basename(dir), dir]))('overlay %s: every object is valid', (_name, dir) => {
    const objects = build(dir);
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.flatMap((object) => validator.problems(object))).toEqual([]);
  });

  it('hormozgan serves the base path map over TLS, in a namespace that enforces the restricted standard', () => {
    const built = build(overlays.find((dir) => basename(dir) === 'hormozgan') ?? '');
    const base = build(join(k8sRoot, 'base'));
    type Ingress = {
      spec: { tls?: { hosts: string[]; secretName: string }[]; rules: { host?: string; http: unknown }[] };
    };
    const ingressOf = (objects: typeof built) =>
      objects.find((o) => o.kind === 'Ingress') as unknown as Ingress;
    const province = ingressOf(built);
    expect(province.spec.tls?.[0]?.hosts).toEqual([province.spec.rules[0].host]);
    expect(province.spec.rules[0].http).toEqual(ingressOf(base).spec.rules[0].http);
    // The live streams' Ingress (ADR 44) is on the same host, so ingress-nginx merges it into one server.
    const live = built.find(
      (o) => o.kind === 'Ingress' && o.metadata?.name === 'samad-live',
    ) as unknown as Ingress;
    expect(live.spec.rules[0].host).toBe(province.spec.rules[0].host);
    expect(live.spec.tls).toEqual(province.spec.tls);
    const namespace = built.find((o) => o.kind === 'Namespace') as unknown as {
      metadata: { labels: Record<string, string> };
    };
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('a broken field fails with the object kind, name and field path', () => {
    const copy = mkdtempSync(join(tmpdir(), 'samad-k8s-schema-'));
    try {
      cpSync(k8sRoot, copy, { recursive: true });
      const routing = join(copy, 'base', 'routing.yaml');
      // A port given as a list where Kubernetes wants an integer or a name.
      writeFileSync(
        routing,
        readFileSync(routing, 'utf8').replace('containerPort: 3002', 'containerPort: [3002]'),
      );
      const nodePool = join(copy, 'base', 'kafka', 'cluster.yaml');
      writeFileSync(nodePool, readFileSync(nodePool, 'utf8').replace('replicas: 3', 'replica: 3'));
      const problems = build(join(copy, 'overlays', 'hormozgan')).flatMap((object) =>
        validator.problems(object),
      );
      expect(problems).toContain(
        'Deployment/routing: /spec/template/spec/containers/0/ports/0/containerPort must be integer',
      );
      expect(problems).toContain('KafkaNodePool/nodes: /spec must NOT have additional properties (replica)');
      expect(problems).toContain("KafkaNodePool/nodes: /spec must have required property 'replicas'");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('an object of a kind with no pinned schema is reported, not skipped', () => {
    expect(
      validator.problems({ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } }),
    ).toEqual(['Widget/w: no pinned schema for example.org/v1 Widget']);
  });
});
