/**
 * The one path map (ADR 0040): infra/k8s/base/ingress.yaml says which service serves which path, and both the
 * cluster's ingress-nginx and the console's local server (npm start, port 3000) route by it. The file holds
 * more than one Ingress (the live streams have their own, unbuffered, ADR 0044): their paths form one map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface IngressPath {
  path: string;
  pathType: string;
  backend: { service: { name: string; port: { name: string } } };
}

export interface IngressDocument {
  metadata: { name: string; annotations: Record<string, string> };
  spec: { ingressClassName: string; rules: { http: { paths: IngressPath[] } }[] };
}

/** The Ingress's backend for every path no service claims: the console's static server (ADR 0046). */
export const consoleService = 'console';

export const ingressFile = (root: string): string => join(root, 'infra', 'k8s', 'base', 'ingress.yaml');

/** Every Ingress of the file, in order (the first, `samad`, routes everything but the live streams). */
export function readIngresses(file: string): IngressDocument[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => doc.toJSON() as IngressDocument);
}

export const ingressPaths = (ingresses: IngressDocument[]): IngressPath[] =>
  ingresses.flatMap((ingress) => ingress.spec.rules.flatMap((rule) => rule.http.paths));

/**
 * The service ingress-nginx picks for a path, as it does with use-regex: each path becomes a case-insensitive
 * location `~* ^path`, and the longest path wins. With `/` routed to the console, every path has a backend;
 * undefined only for a path map without it.
 */
export function routeResolver(paths: IngressPath[]): (path: string) => string | undefined {
  const ordered = [...paths]
    .sort((a, b) => b.path.length - a.path.length)
    .map((p) => ({ pattern: new RegExp(`^${p.path}`, 'i'), service: p.backend.service.name }));
  return (path) => ordered.find((p) => p.pattern.test(path))?.service;
}
