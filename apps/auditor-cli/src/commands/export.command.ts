import { writeFileSync } from 'node:fs';
import {
  buildAuditBundle,
  loadAuditPublicKey,
  postgresAuditLeaves,
  type AuditLeafInput,
} from '@samad/event-store';
import { parseTrackingCode, requestStreamName } from '@samad/request-lifecycle';
import { loadCheckpoints, openReadOnlyDatabase } from '../audit-database';
import { UsageError, type AuditorCommand } from '../auditor-command';

/** `samad export <code> -o bundle.json`: the request's events with Merkle proofs into the latest signed checkpoint. */
export const exportCommand: AuditorCommand = {
  name: 'export',
  usage: 'samad export <tracking code> -o <bundle.json> [--public-key <pem file>]',
  async run({ args, messages, out }) {
    const output = args.options.output;
    if (!args.positional[0] || typeof output !== 'string') throw new UsageError(this.usage);
    const streamId = requestStreamName(parseTrackingCode(args.positional[0], 'code'));
    const pool = openReadOnlyDatabase(args);
    try {
      const checkpoints = await loadCheckpoints(pool);
      const checkpoint = checkpoints[checkpoints.length - 1];
      if (!checkpoint) throw new UsageError(messages.problem.no_checkpoint({}));
      const covered: AuditLeafInput[] = [];
      for await (const event of postgresAuditLeaves(pool)) {
        if (covered.length === checkpoint.treeSize) break;
        covered.push(event);
      }
      const bundle = buildAuditBundle({
        streamId,
        coveredEvents: covered,
        checkpoint,
        publicKey: loadAuditPublicKey(args.options['public-key'] as string | undefined),
      });
      writeFileSync(output, JSON.stringify(bundle, null, 2));
      out(messages.exported(output, bundle.events.length, checkpoint.sequence));
      return 0;
    } finally {
      await pool.end();
    }
  },
};
