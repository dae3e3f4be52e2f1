import { writeFileSync } from 'node:fs';
import { UsageError, type AuditorCommand } from '../auditor-command';
import { openAuditSource } from '../audit-source';

/** `samad export <code> -o bundle.json`: the request's events with Merkle proofs into the latest signed checkpoint. */
export const exportCommand: AuditorCommand = {
  name: 'export',
  usage: 'samad export <tracking code> -o <bundle.json> [--public-key <pem file>]',
  async run({ args, messages, out }) {
    const output = args.options.output;
    if (!args.positional[0] || typeof output !== 'string') throw new UsageError(this.usage);
    const source = await openAuditSource(args, messages);
    try {
      const bundle = await source.bundle(args.positional[0]);
      writeFileSync(output, JSON.stringify(bundle, null, 2));
      out(messages.exported(output, bundle.events.length, bundle.checkpoint.sequence));
      return 0;
    } finally {
      await source.close();
    }
  },
};
