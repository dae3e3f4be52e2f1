import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ANSWERED_CALLS_RETENTION_MS, Topics } from '@samad/events';
import { agencies } from '@samad/reference-data';
import { DEFAULT_PORTS, type ServiceName } from '@samad/service-kit';
import { repoRoot } from '../support/environment';

// The Kubernetes manifests cannot be applied here (no cluster), so they are checked against the code they
// deploy: ports, health path, shutdown deadline, topic names and the agencies' Kafka ACLs.

interface Probe {
  httpGet?: { path: string; port: number | string };
  tcpSocket?: { port: number | string };
  periodSeconds?: number;
  failureThreshold?: number;
}
interface Container {
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}
interface PodSpec {
  containers: Container[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean };
}
interface AclRule {
  type?: string;
  resource: { type: string; name?: string; patternType?: string };
  operations?: string[];
  operation?: string;
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // Each test reads the slice of spec it knows; see the interfaces above.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
}
interface Kustomization {
  namespace?: string;
  resources?: string[];
  configMapGenerator?: { name: string; envs?: string[] }[];
  secretGenerator?: { name: string; envs?: string[] }[];
  patches?: { target: { kind: string; name: string } }[];
}

const k8s = join(repoRoot, 'infra', 'k8s');
const base = join(k8s, 'base');
const overlayDir = join(k8s, 'overlays', 'hormozgan');

const yamlFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(dir, file))
    .sort();

const documentsOf = (file: string): unknown[] =>
  parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => doc.toJSON() as unknown)
    .filter((doc) => doc !== null);

const parseEnvFile = (file: string): Record<string, string> =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

const kustomization = documentsOf(join(base, 'kustomization.yaml'))[0] as Kustomization;
// A listed file that is missing is reported by the kustomization test below, not here.
const manifests = (kustomization.resources ?? [])
  .filter((file) => existsSync(join(base, file)))
  .flatMap((file) => documentsOf(join(base, file))) as Manifest[];
const config = parseEnvFile(join(base, kustomization.configMapGenerator?.[0]?.envs?.[0] ?? 'samad.env'));

const find = (kind: string, name: string): Manifest => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in infra/k8s/base`);
  return found;
};
const all = (kind: string): Manifest[] => manifests.filter((m) => m.kind === kind);
const podOf = (workload: Manifest): PodSpec => workload.spec.template.spec as PodSpec;

const services = Object.keys(DEFAULT_PORTS) as ServiceName[];
const serviceUsers = services.map((s) => `samad-${s}`);
const agencyUser = (code: string): string => `agency-${code.toLowerCase()}`;
const operationsOf = (rule: AclRule): string[] => rule.operations ?? (rule.operation ? [rule.operation] : []);
const aclsOf = (user: Manifest): AclRule[] => (user.spec.authorization?.acls ?? []) as AclRule[];

describe('Kubernetes manifests (infra/k8s)', () => {
  it.each(yamlFilesUnder(k8s).map((file) => relative(k8s, file)))('%s parses as YAML', (file) => {
    const docs = parseAllDocuments(readFileSync(join(k8s, file), 'utf8'));
    expect(docs.flatMap((doc) => doc.errors.map((e) => e.message))).toEqual([]);
    for (const doc of docs.map((d) => d.toJSON() as Partial<Manifest> | null).filter(Boolean)) {
      expect(doc).toEqual(
        expect.objectContaining({ apiVersion: expect.any(String), kind: expect.any(String) }),
      );
    }
  });

  it('base/kustomization.yaml lists every manifest in base, in namespace samad', () => {
    const onDisk = yamlFilesUnder(base)
      .map((file) => relative(base, file))
      .filter((file) => file !== 'kustomization.yaml');
    expect([...(kustomization.resources ?? [])].sort()).toEqual(onDisk);
    expect(kustomization.namespace).toBe('samad');
    expect(find('Namespace', 'samad')).toBeDefined();
  });

  it('the hormozgan overlay builds on base and patches only what base has', () => {
    const overlay = documentsOf(join(overlayDir, 'kustomization.yaml'))[0] as Kustomization;
    expect(overlay.resources).toContain('../../base');
    for (const { target } of overlay.patches ?? []) expect(find(target.kind, target.name)).toBeDefined();
    // Credentials come from External Secrets (secrets/*.yaml), never from files beside the overlay.
    expect(overlay.secretGenerator).toBeUndefined();
  });

  it('every Secret key a pod reads comes from an ExternalSecret or Strimzi, and none is in the ConfigMap', () => {
    const strimziSecrets = new Set([
      ...all('KafkaUser').map((u) => u.metadata.name),
      'samad-kafka-cluster-ca-cert',
    ]);
    const external = new Map(
      all('ExternalSecret').map((secret) => {
        const spec = secret.spec as {
          target: { template?: { data?: object } };
          data?: { secretKey: string }[];
        };
        const keys = [
          ...Object.keys(spec.target.template?.data ?? {}),
          ...(spec.data ?? []).map((d) => d.secretKey),
        ];
        return [secret.metadata.name, keys];
      }),
    );
    const refs = [...all('Deployment'), ...all('Job')]
      .flatMap((workload) => podOf(workload).containers.flatMap((c) => c.env ?? []))
      .flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : []));
    expect(refs.map((ref) => ref.key)).toContain('DATABASE_URL');
    for (const { name, key } of refs) {
      if (strimziSecrets.has(name)) continue;
      expect(external.get(name)).toContain(key);
      expect(config).not.toHaveProperty(key);
    }
  });

  it('gives the personal-data key only to pods that unseal, and the audit key only where checkpoints are signed', () => {
    const readers = (secret: string) =>
      all('Deployment')
        .filter((d) =>
          podOf(d).containers.some((c) =>
            (c.env ?? []).some((e) => e.valueFrom?.secretKeyRef?.name === secret),
          ),
        )
        .map((d) => d.metadata.name)
        .sort();
    // routing holds the key only because the shared configuration requires it; its role cannot read personal_data.
    expect(readers('samad-personal-data')).toEqual(['agency', 'intake', 'reporting', 'routing']);
    expect(readers('samad-audit-signing')).toEqual(['intake']);
    // reporting verifies checkpoints and bundles with the public half only.
    expect(readers('samad-audit-public')).toEqual(['reporting']);
  });

  describe.each(services)('%s', (service) => {
    const port = DEFAULT_PORTS[service];
    // Looked up in each test, so a missing manifest fails the tests that need it, not the whole file.
    let deployment: Manifest;
    let pod: PodSpec;
    let container: Container;
    beforeEach(() => {
      deployment = find('Deployment', service);
      pod = podOf(deployment);
      container = pod.containers[0];
    });
    const portNumber = (ref: number | string | undefined): number | undefined =>
      typeof ref === 'number' ? ref : container.ports?.find((p) => p.name === ref)?.containerPort;

    it(`runs dist/apps/${service}/src/main.js on port ${port} (DEFAULT_PORTS), bound to 0.0.0.0`, () => {
      expect(container.args).toEqual([`dist/apps/${service}/src/main.js`]);
      expect(existsSync(join(repoRoot, 'apps', service, 'src', 'main.ts'))).toBe(true);
      expect(container.ports?.map((p) => p.containerPort)).toEqual([port]);
      expect(config[`${service.toUpperCase()}_PORT`]).toBe(String(port));
      expect(config.HOST).toBe('0.0.0.0');
    });

    it('reads the ConfigMap, DATABASE_URL from the Secret and its own Kafka user', () => {
      expect(container.envFrom).toContainEqual({ configMapRef: { name: 'samad-config' } });
      const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e]));
      // Its own database role (ADR 0033), never the owner's.
      expect(env.DATABASE_URL.valueFrom?.secretKeyRef).toEqual({
        name: `samad-db-${service}`,
        key: 'DATABASE_URL',
      });
      expect(env.KAFKA_SASL_USERNAME.value).toBe(`samad-${service}`);
      expect(env.KAFKA_SASL_PASSWORD.valueFrom?.secretKeyRef?.name).toBe(`samad-${service}`);
      expect(find('KafkaUser', `samad-${service}`)).toBeDefined();
    });

    it('is ready on GET /health/ready and live on GET /health/live, which touches no dependency', () => {
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(portNumber(container.readinessProbe?.httpGet?.port)).toBe(port);
      const liveness = container.livenessProbe;
      expect(liveness?.httpGet?.path).toBe('/health/live');
      expect(portNumber(liveness?.httpGet?.port)).toBe(port);
      // A busy process is not restarted for one slow answer.
      expect((liveness?.failureThreshold ?? 3) * (liveness?.periodSeconds ?? 10)).toBeGreaterThanOrEqual(60);
      expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
    });

    it('gets longer to stop than SHUTDOWN_TIMEOUT_MS plus its preStop pause', () => {
      const shutdownMs = Number(config.SHUTDOWN_TIMEOUT_MS ?? 10000);
      const preStop = container.lifecycle?.preStop;
      const preStopMs =
        1000 *
        Number(
          preStop?.sleep?.seconds ?? (preStop?.exec?.command[0] === 'sleep' ? preStop.exec.command[1] : 0),
        );
      expect((pod.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(shutdownMs + preStopMs);
    });

    it('runs as non-root on a read-only filesystem with no capabilities, within set resources', () => {
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      for (const kind of ['requests', 'limits'] as const) {
        expect(Object.keys(container.resources?.[kind] ?? {}).sort()).toEqual(['cpu', 'memory']);
      }
    });

    it('keeps at least 2 replicas (or an autoscaler that does), with a disruption budget', () => {
      const hpa = all('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === service);
      if (hpa) {
        expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
        expect(deployment.spec.replicas).toBeUndefined(); // the autoscaler owns the count
      } else {
        expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      }
      const selector = deployment.spec.selector.matchLabels as Record<string, string>;
      expect(find('PodDisruptionBudget', service).spec.selector.matchLabels).toEqual(selector);
    });

    it('is reachable through its Service on its port, and only from the ingress controller', () => {
      const svc = find('Service', service);
      expect(svc.spec.ports.map((p: { port: number }) => p.port)).toEqual([port]);
      expect(portNumber(svc.spec.ports[0].targetPort)).toBe(port);
      const ingress = find('NetworkPolicy', `${service}-ingress`);
      expect(ingress.spec.podSelector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
      expect(
        ingress.spec.ingress.flatMap((r: { ports: { port: number }[] }) => r.ports.map((p) => p.port)),
      ).toEqual([port]);
      // Every rule names its sources, and the only source is ingress-nginx: no pod can forge X-Forwarded-For.
      for (const rule of ingress.spec.ingress as { from?: unknown[] }[]) {
        expect(rule.from).toEqual([
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
          },
        ]);
      }
    });
  });

  describe('console (ADR 0046)', () => {
    const nginxConf = readFileSync(join(k8s, 'console', 'nginx.conf'), 'utf8');
    const dockerfile = readFileSync(join(k8s, 'Dockerfile'), 'utf8');
    // From the console stage's FROM line to the next stage's.
    const consoleStage = /^FROM \S+ AS console\n(?:(?!FROM ).*\n)*/m.exec(dockerfile)?.[0] ?? '';
    let deployment: Manifest;
    let pod: PodSpec & { securityContext?: { runAsUser?: number; runAsGroup?: number } };
    let container: Container & { image?: string; volumeMounts?: { name: string; mountPath: string }[] };
    beforeEach(() => {
      deployment = find('Deployment', 'console');
      pod = podOf(deployment);
      container = pod.containers[0];
    });

    it('is the Dockerfile target console: vite build, served by nginx-unprivileged as the user the pod runs as', () => {
      expect(dockerfile).toMatch(/^RUN npx vite build --config apps\/console\/vite\.config\.mjs$/m);
      expect(consoleStage).toMatch(/^FROM nginxinc\/nginx-unprivileged:[\d.]+-alpine AS console$/m);
      expect(consoleStage).toMatch(
        /^COPY --from=console-build \/app\/dist\/console \/usr\/share\/nginx\/html$/m,
      );
      expect(consoleStage).toContain(
        'COPY infra/k8s/console/nginx.conf infra/k8s/console/security-headers.conf /etc/nginx/',
      );
      const user = /^USER (\d+):(\d+)$/m.exec(consoleStage);
      expect([pod.securityContext?.runAsUser, pod.securityContext?.runAsGroup]).toEqual([
        Number(user?.[1]),
        Number(user?.[2]),
      ]);
      expect(container.image).toBe('samad-console');
    });

    it('listens where the Deployment says, and is ready and live on /healthz, which nginx answers itself', () => {
      expect(nginxConf).toMatch(/^\s*listen 8080;$/m);
      expect(container.ports).toEqual([{ name: 'http', containerPort: 8080 }]);
      expect(nginxConf).toMatch(/location = \/healthz \{[^}]*return 200/);
      for (const probe of [container.readinessProbe, container.livenessProbe])
        expect(probe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    });

    it('runs on a read-only filesystem, writing only to emptyDirs (nginx.conf puts pid and temp files in /tmp)', () => {
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      const writable = [...nginxConf.matchAll(/^\s*(?:pid|\w+_temp_path) (\S+);$/gm)].map((m) => m[1]);
      expect(writable.length).toBe(6);
      for (const path of writable) expect(path.startsWith('/tmp/')).toBe(true);
      expect(container.volumeMounts?.map((m) => m.mountPath).sort()).toEqual(['/tmp', '/var/cache/nginx']);
      expect(nginxConf).toMatch(/^\s*server_tokens off;$/m);
      for (const kind of ['requests', 'limits'] as const)
        expect(Object.keys(container.resources?.[kind] ?? {}).sort()).toEqual(['cpu', 'memory']);
    });

    it('reads no configuration and no secret', () => {
      expect(container.env).toBeUndefined();
      expect(container.envFrom).toBeUndefined();
    });

    it('keeps 2 replicas with a disruption budget, behind its Service, reachable from the ingress controller only', () => {
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      const selector = deployment.spec.selector.matchLabels as Record<string, string>;
      expect(find('PodDisruptionBudget', 'console').spec.selector.matchLabels).toEqual(selector);
      expect(find('Service', 'console').spec.ports).toEqual([
        { name: 'http', port: 8080, targetPort: 'http' },
      ]);
      const ingress = find('NetworkPolicy', 'console-ingress').spec;
      expect(ingress.podSelector.matchLabels).toEqual(selector);
      expect(ingress.ingress).toEqual([
        {
          from: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
            },
          ],
          ports: [{ protocol: 'TCP', port: 8080 }],
        },
      ]);
    });
  });

  it('lets every Samad pod out only to Kafka, PostgreSQL and DNS (the console nowhere), and nothing in by default', () => {
    type Selector = {
      matchLabels?: Record<string, string>;
      matchExpressions?: { key: string; operator: string; values: string[] }[];
    };
    const selects = (selector: Selector, labels: Record<string, string>): boolean =>
      Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
      (selector.matchExpressions ?? []).every((e) => e.operator === 'In' && e.values.includes(labels[e.key]));
    const egress = find('NetworkPolicy', 'samad-egress').spec;
    const deny = find('NetworkPolicy', 'samad-default-deny').spec;
    for (const workload of [...all('Deployment'), ...all('Job')]) {
      const labels = workload.spec.template.metadata.labels as Record<string, string>;
      expect(selects(egress.podSelector, labels)).toBe(workload.metadata.name !== 'console');
      expect(selects(deny.podSelector, labels)).toBe(true);
    }
    const egressRules = all('NetworkPolicy').filter((p) => p.spec.policyTypes.includes('Egress'));
    const consolePod = find('Deployment', 'console').spec.template.metadata.labels;
    expect(
      egressRules.filter((p) => selects(p.spec.podSelector, consolePod)).map((p) => p.metadata.name),
    ).toEqual(['samad-default-deny']);
    expect(deny.ingress ?? []).toEqual([]);
    const ports = egress.egress.flatMap((rule: { ports: { port: number }[] }) =>
      rule.ports.map((p) => p.port),
    );
    expect([...new Set(ports)].sort()).toEqual([53, 5432, 9093]);
  });

  it('trusts exactly the one proxy hop the network policies allow (TRUST_PROXY_HOPS=1)', () => {
    expect(config.TRUST_PROXY_HOPS).toBe('1');
  });

  it('autoscales intake for the bursts of a provincial trip', () => {
    expect(find('HorizontalPodAutoscaler', 'intake').spec.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: 'intake',
    });
  });

  it('scales the consumers on their group lag, never past the partitions of samad.request-events', () => {
    const topic = find('KafkaTopic', 'samad-request-events').spec as { partitions: number };
    expect(find('HorizontalPodAutoscaler', 'intake').spec.maxReplicas).toBeLessThanOrEqual(topic.partitions);
    for (const service of ['routing', 'agency', 'reporting']) {
      const scaled = find('ScaledObject', service).spec as {
        scaleTargetRef: { name: string };
        maxReplicaCount: number;
        minReplicaCount: number;
        triggers: { type: string; metadata: Record<string, string> }[];
      };
      expect(scaled.scaleTargetRef.name).toBe(service);
      expect(scaled.minReplicaCount).toBeGreaterThanOrEqual(2);
      expect(scaled.maxReplicaCount).toBeLessThanOrEqual(topic.partitions);
      expect(scaled.triggers.find((t) => t.type === 'kafka')?.metadata).toMatchObject({
        consumerGroup: `samad-${service}`,
        topic: 'samad.request-events',
      });
      // KEDA owns the HPA of a scaled Deployment: a second one would fight it.
      expect(all('HorizontalPodAutoscaler').map((h) => h.metadata.name)).not.toContain(service);
    }
  });

  it('the samad-prepare Job runs scripts/prepare.ts from the same image, as non-root', () => {
    const pod = podOf(find('Job', 'samad-prepare'));
    expect(pod.containers[0].args).toEqual(['dist/scripts/prepare.js']);
    expect(existsSync(join(repoRoot, 'scripts', 'prepare.ts'))).toBe(true);
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.containers[0].securityContext?.readOnlyRootFilesystem).toBe(true);
  });

  describe('Kafka (Strimzi)', () => {
    const topics = all('KafkaTopic');
    const topic = (name: string): Manifest | undefined =>
      topics.find((t) => (t.spec.topicName ?? t.metadata.name) === name);

    it('samad.request-events: 12 partitions (as KAFKA_TOPIC_PARTITIONS), 3 replicas, 2 in sync', () => {
      const spec = topic(Topics.requestEvents)?.spec;
      expect(spec).toMatchObject({ partitions: 12, replicas: 3, config: { 'min.insync.replicas': 2 } });
      expect(config.KAFKA_TOPIC_PARTITIONS).toBe(String(spec.partitions));
    });

    it('keeps each topic as long as KAFKA_RETENTION_MS / KAFKA_DEAD_LETTER_RETENTION_MS say', () => {
      for (const t of topics) {
        const name = t.spec.topicName ?? t.metadata.name;
        if (name === Topics.answeredCalls) continue; // minutes, not days: its own test below
        const variable = name === Topics.deadLetter ? 'KAFKA_DEAD_LETTER_RETENTION_MS' : 'KAFKA_RETENTION_MS';
        expect({ name, retention: String(t.spec.config?.['retention.ms']) }).toEqual({
          name,
          retention: config[variable],
        });
      }
      // prepare compares each topic's retention with the configuration, so its user may read topic configs.
      const prepareAcls = aclsOf(find('KafkaUser', 'samad-prepare'));
      expect(
        prepareAcls.some((r) => r.resource.name === 'samad.' && operationsOf(r).includes('DescribeConfigs')),
      ).toBe(true);
    });

    it('keeps answered calls, which carry a mobile, for minutes, rolling segments as often (ADR 0045)', () => {
      expect(topic(Topics.answeredCalls)?.spec.config).toMatchObject({
        'retention.ms': ANSWERED_CALLS_RETENTION_MS,
        'segment.ms': ANSWERED_CALLS_RETENTION_MS,
      });
    });

    it('declares exactly the project topics: request events, dead letters, answered calls, one per agency', () => {
      const expected = [
        Topics.requestEvents,
        Topics.deadLetter,
        Topics.answeredCalls,
        ...agencies.map((a) => Topics.agency(a.code)),
      ];
      expect(topics.map((t) => t.spec.topicName ?? t.metadata.name).sort()).toEqual(expected.sort());
      for (const t of topics) expect(t.apiVersion).toBe('kafka.strimzi.io/v1');
    });

    it('has a user for every service and every agency (and KEDA, which only describes), and no other', () => {
      const expected = [
        ...serviceUsers,
        'samad-prepare',
        'samad-keda',
        ...agencies.map((a) => agencyUser(a.code)),
      ];
      expect(
        all('KafkaUser')
          .map((u) => u.metadata.name)
          .sort(),
      ).toEqual(expected.sort());
      for (const user of all('KafkaUser')) expect(user.spec.authorization.type).toBe('simple');
      const keda = find('KafkaUser', 'samad-keda').spec.authorization.acls as { operations: string[] }[];
      for (const acl of keda) expect(acl.operations).toEqual(['Describe']);
    });

    it.each(services)('samad-%s reads request events in its own consumer group', (service) => {
      const acls = aclsOf(find('KafkaUser', `samad-${service}`));
      const allows = (type: string, name: string, operation: string): boolean =>
        acls.some(
          (r) => r.resource.type === type && r.resource.name === name && operationsOf(r).includes(operation),
        );
      expect(allows('topic', Topics.requestEvents, 'Read')).toBe(true);
      expect(allows('group', `samad-${service}`, 'Read')).toBe(true);
      expect(allows('topic', Topics.deadLetter, 'Write')).toBe(true);
      expect(allows('topic', Topics.requestEvents, 'Write')).toBe(service === 'intake'); // the relay
    });

    it("agency reads request events in each replica's own broadcast group too (the live inbox, ADR 44)", () => {
      const acls = aclsOf(find('KafkaUser', 'samad-agency'));
      const broadcast = acls.find(
        (r) => r.resource.type === 'group' && r.resource.name === 'samad-agency-live.',
      );
      expect(broadcast?.resource.patternType).toBe('prefix');
      expect(operationsOf(broadcast ?? acls[0])).toEqual(['Read', 'Describe']);
    });

    it.each(agencies.map((a) => a.code))(
      'agency-%s may only read its own topic, in groups of its own prefix',
      (code) => {
        const acls = aclsOf(find('KafkaUser', agencyUser(code)));
        const resources = acls.map(
          (r) => `${r.resource.type}:${r.resource.patternType ?? 'literal'}:${r.resource.name}`,
        );
        expect(resources.sort()).toEqual([
          `group:prefix:${agencyUser(code)}-`,
          `topic:literal:${Topics.agency(code)}`,
        ]);
        for (const rule of acls) {
          expect(rule.type ?? 'allow').toBe('allow');
          expect(operationsOf(rule).every((op) => op === 'Read' || op === 'Describe')).toBe(true);
        }
        expect(acls.some((r) => r.resource.type === 'topic' && operationsOf(r).includes('Read'))).toBe(true);
      },
    );

    it('no service but agency may write the agencies topics', () => {
      const writers = all('KafkaUser').filter((user) =>
        aclsOf(user).some(
          (r) =>
            r.resource.type === 'topic' &&
            (r.resource.name ?? '').startsWith('samad.agency.') &&
            operationsOf(r).some((op) => op === 'Write' || op === 'All'),
        ),
      );
      expect(writers.map((u) => u.metadata.name)).toEqual(['samad-agency']);
    });
  });

  it('the Dockerfile builds with tsc and runs dist/ as a non-root user', () => {
    const dockerfile = readFileSync(join(k8s, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM node:20\S* AS \w+$/gm)).toHaveLength(2);
    expect(dockerfile).toContain('npx tsc -b tsconfig.build.json');
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER [1-9]\d*:[1-9]\d*$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "-r", "\.\/scripts\/register-paths\.js"\]$/m);
    expect(existsSync(join(repoRoot, 'scripts', 'register-paths.js'))).toBe(true);
  });

  // kubectl's built-in kustomize resolves every reference offline (kubectl is a required tool, like Node).
  it('kubectl kustomize builds base and the hormozgan overlay', () => {
    const copy = mkdtempSync(join(tmpdir(), 'samad-k8s-'));
    try {
      cpSync(k8s, copy, { recursive: true });
      const overlay = join(copy, 'overlays', 'hormozgan');
      for (const dir of [join(copy, 'base'), overlay]) {
        const built = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
        expect(built.stderr).toBe('');
        expect(built.status).toBe(0);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
