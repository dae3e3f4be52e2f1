import { SingleBar } from 'cli-progress';
import { UsageError, type AuditorCommand } from '../auditor-command';
import { openAuditSource } from '../audit-source';

/**
 * `samad verify --all`: every event recomputed into the Merkle tree and compared with the signed checkpoints
 * (ADR 0030), then every per-stream chain; over HTTP, the same check as a job on reporting, followed here.
 * `samad verify <code>`: that request's chain. Non-zero on failure.
 */
export const verifyCommand: AuditorCommand = {
  name: 'verify',
  usage: 'samad verify --all | <tracking code> [--public-key <pem file>] [--no-progress]',
  async run({ args, messages, out, err }) {
    if (!args.options.all && !args.positional[0]) throw new UsageError('give a tracking code or --all');
    const source = await openAuditSource(args, messages);
    try {
      if (!args.options.all) {
        const result = await source.verifyStream(args.positional[0]);
        if (result.ok) {
          out(`OK: ${result.streamId} (${result.eventsChecked})`);
          return 0;
        }
        err(`${messages.verifyFailed}: ${messages.streamBroken(`${result.streamId}@${result.revision}`)}`);
        return 1;
      }
      const bar = new SingleBar({
        format: '{bar} {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_text}',
        stream: process.stderr,
        noTTYOutput: false,
      });
      const showBar = !args.options['no-progress'] && process.stderr.isTTY;
      let started = false;
      const result = await source.verifyAll((checked, total, speed, eta) => {
        if (!showBar) return;
        const payload = { speed, eta_text: eta === null ? '-' : `${eta}s` };
        if (!started) {
          bar.start(total, checked, payload);
          started = true;
        } else {
          bar.setTotal(total);
          bar.update(checked, payload);
        }
      });
      if (started) bar.stop();
      if (!result.ok) {
        err(`${messages.verifyFailed}: ${result.description[messages.lang]}`);
        return 1;
      }
      out(messages.verifyOk(result.eventsChecked, result.covered, result.sequence, result.issuedAt));
      if (result.eventsChecked > result.covered)
        out(messages.uncovered(result.eventsChecked - result.covered));
      return 0;
    } finally {
      await source.close();
    }
  },
};
