import { DEFAULT_DATABASE_URL } from '@samad/event-store';
import { rebuildRequestStatistics, type RebuildReport } from '@samad/reporting-read-model';
import { SingleBar } from 'cli-progress';
import { Pool } from 'pg';

/** The read models `samad rebuild` knows, by the name an operator types. */
const READ_MODELS = ['reporting'] as const;

const USAGE = `usage: samad rebuild <read-model> [--swap]
  read models: ${READ_MODELS.join(', ')}
  Replays the event store into a fresh shadow schema, compares it with the live tables (rows, checksum);
  with --swap, puts the rebuilt tables in place of the live ones in one transaction (safe while services run).
  Exit 0: equal or swapped; 3: the shadow differs from the live tables (kept for inspection); 2: bad usage.`;

export interface RebuildArguments {
  readModel: (typeof READ_MODELS)[number];
  swap: boolean;
}

/** `reporting --swap` → what to do; undefined for anything else. */
export function parseRebuildArguments(argv: readonly string[]): RebuildArguments | undefined {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  if (positional.length !== 1 || flags.some((f) => f !== '--swap')) return undefined;
  const readModel = READ_MODELS.find((m) => m === positional[0]);
  return readModel && { readModel, swap: flags.includes('--swap') };
}

/** What the operator reads after a rebuild: counts, checksums, throughput, where things went. */
export function describeRebuild(report: RebuildReport): string {
  const { live, shadow, equal } = report.comparison;
  const rate = report.seconds > 0 ? Math.round(report.eventsRead / report.seconds) : report.eventsRead;
  return [
    `replayed ${report.eventsRead} events into ${report.rows} rows in ${report.seconds.toFixed(2)} s (${rate} events/s)`,
    `table     live rows  shadow rows  live checksum                shadow checksum`,
    `requests  ${String(live.rows).padStart(9)}  ${String(shadow.rows).padStart(11)}  ${live.checksum.padEnd(27)}  ${shadow.checksum}`,
    equal ? 'the rebuilt read model equals the live one' : 'the rebuilt read model DIFFERS from the live one',
    report.retiredSchema
      ? `swapped: live table now rebuilt (${report.caughtUp ?? 0} later events folded in); old one kept in ${report.retiredSchema}`
      : `shadow kept in ${report.shadowSchema}${equal ? '' : ' for inspection'}`,
  ].join('\n');
}

export const rebuildCommand = {
  name: 'rebuild',
  describe: 'Replay the event store into a shadow read model, compare with the live one, optionally --swap',
  async run(argv: string[]): Promise<number> {
    const args = parseRebuildArguments(argv);
    if (!args) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const pool = new Pool({
      connectionString: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
      max: 2,
      application_name: 'samad-rebuild',
    });
    const bar = new SingleBar({
      format: 'rebuild {bar} {percentage}% | {value}/{total} events | {rate} events/s',
      hideCursor: true,
    });
    try {
      const [{ total }] = (
        await pool.query<{ total: number }>('SELECT count(*)::int AS total FROM event_store.events')
      ).rows;
      const started = Date.now();
      bar.start(total, 0, { rate: 0 });
      const report = await rebuildRequestStatistics(pool, {
        swap: args.swap,
        onProgress: (read) =>
          bar.update(read, { rate: Math.round(read / Math.max((Date.now() - started) / 1000, 0.001)) }),
      });
      bar.stop();
      process.stdout.write(`${describeRebuild(report)}\n`);
      return report.comparison.equal || report.retiredSchema ? 0 : 3;
    } finally {
      bar.stop();
      await pool.end();
    }
  },
};
