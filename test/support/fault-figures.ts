import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { repoRoot } from './environment';
import type { FaultFigures } from './fault-checks';

/** Machine-readable figures of the fault suite; each scenario adds or replaces its own entry. */
export const faultFiguresFile = `${repoRoot}/.local/fault-suite.json`;

interface FiguresFile {
  commit: string;
  scenarios: Record<string, FaultFigures & { at: string }>;
}

const commit = (): string => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim();
  } catch {
    return 'unknown';
  }
};

const seconds = (ms: number | null | undefined): string => (ms == null ? '—' : (ms / 1000).toFixed(1));

/** One line per scenario, as docs/reliability.md shows them. */
export const figuresRow = (f: FaultFigures): string =>
  `| ${f.scenario} | ${f.accepted} | ${f.routed} | ${f.inInbox} | ${f.onAgencyTopic} | ${f.inReporting} | ` +
  `${f.lost} | ${f.duplicates.total} | ${f.parked.deadLetters + f.parked.parkedRows} | ` +
  `${f.load?.http503 ?? '—'} | ${f.load?.http500 ?? '—'} | ${seconds(f.catchUpMs)} |`;

export function recordFigures(figures: FaultFigures): void {
  mkdirSync(`${repoRoot}/.local`, { recursive: true });
  const file: FiguresFile = existsSync(faultFiguresFile)
    ? (JSON.parse(readFileSync(faultFiguresFile, 'utf8')) as FiguresFile)
    : { commit: '', scenarios: {} };
  file.commit = commit();
  file.scenarios[figures.scenario] = { ...figures, at: new Date().toISOString() };
  writeFileSync(faultFiguresFile, `${JSON.stringify(file, null, 2)}\n`);
  process.stdout.write(
    `\nfault ${figures.scenario} (${figures.fault}):\n` +
      '| scenario | accepted | routed | in inbox | on agency topic | in reporting | lost | duplicates | parked | 503s | 500s | catch-up s |\n' +
      `${figuresRow(figures)}\n${JSON.stringify(figures)}\n`,
  );
}
