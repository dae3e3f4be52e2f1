import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { verifyAuditBundle, type AuditBundle } from '@samad/event-store';
import { UsageError, type AuditorCommand } from '../auditor-command';

/** `samad verify-bundle bundle.json`: no database needed; pin the expected key with --public-key. */
export const verifyBundleCommand: AuditorCommand = {
  name: 'verify-bundle',
  usage: 'samad verify-bundle <bundle.json> [--public-key <pem file>]',
  async run({ args, messages, out, err }) {
    const file = args.positional[0];
    if (!file) throw new UsageError(this.usage);
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as AuditBundle;
    const pinned = args.options['public-key'];
    const result = verifyAuditBundle(
      bundle,
      typeof pinned === 'string' ? createPublicKey(readFileSync(pinned, 'utf8')) : undefined,
    );
    if (!result.ok) {
      err(messages.bundleFailed(result.reason));
      return 1;
    }
    out(messages.bundleOk(bundle.streamId, result.events, result.checkpoint.sequence, result.keyId));
    return 0;
  },
};
