// Alerts and dashboards are code (infra/k8s/base/observability, ADR 0035): each metric they name must be one
// the services really export, or an alert would wait for ever on a series that never comes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SamadMetrics } from '@samad/service-kit';
import { repoRoot } from '../support/environment';

const base = join(repoRoot, 'infra', 'k8s', 'base');
const observability = join(base, 'observability');
const yaml = (file: string) =>
  parseAllDocuments(readFileSync(join(base, file), 'utf8')).map((doc) => doc.toJSON() as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string };
}
const rules = yaml('observability/prometheus-rules.yaml')[0].spec.groups.flatMap(
  (g: { rules: Rule[] }) => g.rules,
) as Rule[];
const dashboard = JSON.parse(readFileSync(join(observability, 'samad-dashboard.json'), 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};
const exported = new Set(new SamadMetrics('check').names());
// A histogram is queried through its _bucket, _count and _sum series.
const metricOf = (series: string): string => series.replace(/_(bucket|count|sum)$/, '');
const namesIn = (expr: string): string[] =>
  [...expr.matchAll(/\bsamad_[a-z0-9_]+/g)].map((m) => metricOf(m[0]));

describe('observability as code (infra/k8s/base/observability)', () => {
  it('alerts only on metrics the services export', () => {
    const named = rules.flatMap((rule) => namesIn(rule.expr));
    expect(named.length).toBeGreaterThan(rules.length - 1);
    expect(named.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('has the alerts operators asked for, each with a severity and a summary', () => {
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'SamadConsumerLagGrowing',
        'SamadRelayStalled',
        'SamadMessagesParked',
        'SamadReadinessFailing',
        'SamadOverdueSpike',
      ]),
    );
    for (const rule of rules) {
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toEqual(expect.any(String));
    }
  });

  it('charts only metrics the services export, pipeline to per-agency overdue', () => {
    const named = dashboard.panels.flatMap((panel) => panel.targets.flatMap((t) => namesIn(t.expr)));
    expect(named.filter((name) => !exported.has(name))).toEqual([]);
    for (const metric of [
      'samad_consumer_lag_messages',
      'samad_relay_lag_events',
      'samad_parked_messages',
      'samad_http_request_duration_seconds',
      'samad_overdue_requests',
    ])
      expect(named).toContain(metric);
  });

  it('names metrics the Prometheus way: samad_ prefix, _total counters, _seconds durations', () => {
    const metrics = new SamadMetrics('check').registry.getMetricsAsArray();
    for (const metric of metrics) {
      const { name, type } = metric as unknown as { name: string; type: string };
      expect(name).toMatch(/^samad_[a-z0-9_]+$/);
      if (type === 'counter') expect(name).toMatch(/_total$/);
      if (/duration/.test(name)) expect(name).toMatch(/_seconds$/);
    }
  });

  it('scrapes every service on its http port at /metrics, and the dashboard ships in a ConfigMap', () => {
    const [monitor] = yaml('observability/service-monitors.yaml');
    expect(monitor.kind).toBe('ServiceMonitor');
    expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    for (const service of ['intake', 'routing', 'agency', 'reporting']) {
      const svc = yaml(`${service}.yaml`).find((doc) => doc.kind === 'Service');
      expect(svc?.metadata.labels).toEqual(expect.objectContaining(monitor.spec.selector.matchLabels));
      expect(svc?.spec.ports.map((p: { name: string }) => p.name)).toContain('http');
    }
    const [kustomization] = yaml('kustomization.yaml');
    expect(kustomization.resources).toEqual(
      expect.arrayContaining(['observability/service-monitors.yaml', 'observability/prometheus-rules.yaml']),
    );
    expect(kustomization.configMapGenerator).toContainEqual(
      expect.objectContaining({
        name: 'samad-grafana-dashboard',
        files: ['observability/samad-dashboard.json'],
      }),
    );
  });
});
