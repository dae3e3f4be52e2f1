// Summarises V8 CPU profiles (node --cpu-prof) of the services: self time by package and top functions.
// Run: node -r ./scripts/register-paths.js dist/bench/profile-summary.js <file.cpuprofile>... [--top N]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: a package under node_modules, our own code under dist/, Node itself, or V8. */
function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const ours = /dist\/(apps\/[^/]+|libs\/[^/]+|scripts|bench)/.exec(url)?.[1];
  if (ours) return ours;
  return url.startsWith('node:') ? 'node core' : url;
}

function summarise(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByFunction = new Map<string, number>();
  const selfByOwner = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = owner(url, functionName);
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : ''}`;
    selfByFunction.set(name.trim(), (selfByFunction.get(name.trim()) ?? 0) + delta);
    selfByOwner.set(where, (selfByOwner.get(where) ?? 0) + delta);
    total += delta;
  });
  const idle = selfByOwner.get('(idle)') ?? 0;
  const busy = total - idle;
  const pct = (us: number): string => `${((100 * us) / busy).toFixed(1)}%`;
  console.log(
    `\n${basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`,
  );
  const rank = (m: Map<string, number>) =>
    [...m.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]);
  console.log(
    `  by owner (share of busy time): ${rank(selfByOwner)
      .slice(0, top)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')}`,
  );
  console.log('  top functions (self time):');
  for (const [name, us] of rank(selfByFunction).slice(0, top))
    console.log(`    ${pct(us).padStart(6)}  ${name}`);
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 12;
const files = args.filter((a, i) => a !== '--top' && i !== topAt + 1);
if (files.length === 0) {
  console.error('usage: profile-summary.js <file.cpuprofile>... [--top N]');
  process.exit(1);
}
for (const file of files) summarise(file, top);
