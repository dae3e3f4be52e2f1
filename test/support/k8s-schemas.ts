// Offline schema check of what kustomize builds: every object against Kubernetes 1.32's OpenAPI schemas or
// the pinned CRD schema of its operator (infra/k8s/schemas/SOURCES.md). No cluster, no network.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { loadAll } from 'js-yaml';

export const k8sRoot = join(__dirname, '..', '..', 'infra', 'k8s');
const schemaRoot = join(k8sRoot, 'schemas');
const nativeFile = join(schemaRoot, 'kubernetes-v1.32.2', '_definitions.json');

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
  [field: string]: unknown;
}

interface Definition {
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

export function overlaysOf(root = k8sRoot): string[] {
  const dir = join(root, 'overlays');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'kustomization.yaml')))
    .map((entry) => join(dir, entry.name));
}

/** `kubectl kustomize <dir>`, parsed; throws with kustomize's own message when the build fails. */
export function build(dir: string): K8sObject[] {
  const built = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (built.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${built.stderr || built.error}`);
  return (loadAll(built.stdout) as (K8sObject | null)[]).filter((doc): doc is K8sObject => doc !== null);
}

/** CRD patterns are Go regular expressions: a leading `(?i)` is JavaScript's `i` flag (KEDA's CRDs use it). */
const goPattern = Object.assign(
  (pattern: string, flags: string): RegExp =>
    pattern.includes('(?i)')
      ? new RegExp(pattern.replace(/\(\?i\)/g, ''), `${flags}i`)
      : new RegExp(pattern, flags),
  { code: 'new RegExp' },
);

export class SchemaValidator {
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    code: { regExp: goPattern },
  });
  private readonly nativeByGvk = new Map<string, string>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    const native = JSON.parse(readFileSync(nativeFile, 'utf8')) as {
      definitions: Record<string, Definition>;
    };
    this.ajv.addSchema(native, 'k8s');
    for (const [name, definition] of Object.entries(native.definitions))
      for (const gvk of definition['x-kubernetes-group-version-kind'] ?? [])
        this.nativeByGvk.set(gvkKey(gvk.group, gvk.version, gvk.kind), name);
  }

  /** Problems as `Kind/name: /field/path message`; empty when the object is valid. */
  problems(object: K8sObject): string[] {
    const label = `${object.kind}/${object.metadata?.name ?? '?'}`;
    const validate = this.validatorFor(object);
    if (!validate) return [`${label}: no pinned schema for ${object.apiVersion} ${object.kind}`];
    if (validate(object)) return [];
    return (validate.errors ?? []).map((error) => {
      const extra =
        error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
      return `${label}: ${error.instancePath || '/'} ${error.message}${extra}`;
    });
  }

  private validatorFor({ apiVersion, kind }: K8sObject): ValidateFunction | undefined {
    const key = `${apiVersion}/${kind}`;
    if (this.compiled.has(key)) return this.compiled.get(key);
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const native = this.nativeByGvk.get(gvkKey(group, version, kind));
    const crdFile = join(schemaRoot, 'crds', group, `${kind.toLowerCase()}_${version}.json`);
    let validate: ValidateFunction | undefined;
    if (native) validate = this.ajv.compile({ $ref: `k8s#/definitions/${native}` });
    else if (group && existsSync(crdFile))
      validate = this.ajv.compile(JSON.parse(readFileSync(crdFile, 'utf8')));
    if (validate) this.compiled.set(key, validate);
    return validate;
  }
}

function gvkKey(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind}`;
}
