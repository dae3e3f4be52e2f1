import { parseAsOf } from '../as-of';
import { UsageError, type AuditorCommand } from '../auditor-command';
import { openAuditSource } from '../audit-source';

/** `samad state <code> --as-of …`: the request as it stood then, folded by the decider's own evolve. */
export const stateCommand: AuditorCommand = {
  name: 'state',
  usage: 'samad state <tracking code> --as-of <Jalali day | ISO date | commit:prepare (database only)>',
  async run({ args, messages, out }) {
    const raw = args.options['as-of'];
    if (typeof raw !== 'string') throw new UsageError('--as-of is required');
    const asOf = parseAsOf(raw);
    const source = await openAuditSource(args, messages);
    try {
      const { code, state } = await source.state(args.positional[0], asOf);
      out(messages.stateHeader(code, asOf.label));
      out(state === undefined ? messages.notYetRegistered : JSON.stringify(state, null, 2));
      return 0;
    } finally {
      await source.close();
    }
  },
};
