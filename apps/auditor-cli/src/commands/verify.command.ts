import { SingleBar } from 'cli-progress';
import {
  countCommittedEvents,
  loadAuditPublicKey,
  postgresAuditLeaves,
  PostgresEventStore,
  silentLogger,
  verifyStoreAgainstCheckpoints,
} from '@samad/event-store';
import { parseTrackingCode, requestStreamName } from '@samad/request-lifecycle';
import { loadCheckpoints, loadLeafLog, openReadOnlyDatabase } from '../audit-database';
import { UsageError, type AuditorCommand } from '../auditor-command';

/**
 * `samad verify --all`: every event recomputed into the Merkle tree and compared with the signed checkpoints
 * (ADR 0030), then every per-stream chain. `samad verify <code>`: that request's chain. Non-zero on failure.
 */
export const verifyCommand: AuditorCommand = {
  name: 'verify',
  usage: 'samad verify --all | <tracking code> [--public-key <pem file>] [--no-progress]',
  async run({ args, messages, out, err }) {
    const pool = openReadOnlyDatabase(args);
    const store = new PostgresEventStore({ pool, logger: silentLogger });
    try {
      if (!args.options.all) {
        if (!args.positional[0]) throw new UsageError('give a tracking code or --all');
        const streamId = requestStreamName(parseTrackingCode(args.positional[0], 'code'));
        const result = await store.verifyStream(streamId);
        if (result.ok) {
          out(`OK: ${streamId} (${result.eventsChecked})`);
          return 0;
        }
        err(
          `${messages.verifyFailed}: ${messages.streamBroken(`${streamId}@${result.brokenLink.revision}`)}`,
        );
        return 1;
      }
      const publicKey = loadAuditPublicKey(args.options['public-key'] as string | undefined);
      const total = await countCommittedEvents(pool);
      const bar = new SingleBar({
        format: '{bar} {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}',
        stream: process.stderr,
        noTTYOutput: false,
      });
      const showBar = !args.options['no-progress'] && process.stderr.isTTY;
      const started = Date.now();
      if (showBar) bar.start(total, 0, { speed: 0 });
      const result = await verifyStoreAgainstCheckpoints({
        events: postgresAuditLeaves(pool),
        checkpoints: await loadCheckpoints(pool),
        leafLog: await loadLeafLog(pool),
        publicKey,
        onProgress: (n) => {
          if (showBar && n % 500 === 0) {
            bar.update(n, { speed: Math.round(n / Math.max((Date.now() - started) / 1000, 0.001)) });
          }
        },
      });
      if (showBar) bar.stop();
      if (!result.ok) {
        const problem = result.problem!;
        err(`${messages.verifyFailed}: ${messages.problem[problem.kind](problem as never)}`);
        return 1;
      }
      // Events after the latest checkpoint are covered by their stream chains until the next one.
      const streams = await store.verifyAll();
      if (!streams.ok) {
        const link = streams.brokenLink;
        err(
          `${messages.verifyFailed}: ${messages.streamBroken(`${link.streamId}@${link.revision} (${link.reason})`)}`,
        );
        return 1;
      }
      const checkpoint = result.checkpoint!;
      out(messages.verifyOk(result.eventsChecked, result.covered, checkpoint.sequence, checkpoint.issuedAt));
      if (result.eventsChecked > result.covered)
        out(messages.uncovered(result.eventsChecked - result.covered));
      return 0;
    } finally {
      await store.close();
      await pool.end();
    }
  },
};
