import { evolve, initialState, maskPersonalIdentifiers, type RequestEvent } from '@samad/request-lifecycle';
import { existedAt, parseAsOf } from '../as-of';
import { openReadOnlyDatabase } from '../audit-database';
import { UsageError, type AuditorCommand } from '../auditor-command';
import { readRequestEvents } from '../read-request';

/** `samad state <code> --as-of …`: the request as it stood then, folded by the decider's own evolve. */
export const stateCommand: AuditorCommand = {
  name: 'state',
  usage: 'samad state <tracking code> --as-of <Jalali day | ISO date | commit:prepare>',
  async run({ args, messages, out }) {
    const raw = args.options['as-of'];
    if (typeof raw !== 'string') throw new UsageError('--as-of is required');
    const asOf = parseAsOf(raw);
    const pool = openReadOnlyDatabase(args);
    try {
      const { code, events } = await readRequestEvents(pool, args.positional[0], messages);
      // Sealed personal fields stay sealed: the state is about what happened, not who asked.
      const state = events
        .filter((event) => existedAt(event, asOf))
        .reduce((s, e) => evolve(s, { type: e.type, data: e.data } as RequestEvent), initialState());
      out(messages.stateHeader(code, asOf.label));
      out(
        state.status === 'not_registered'
          ? messages.notYetRegistered
          : JSON.stringify(maskPersonalIdentifiers(state), null, 2),
      );
      return 0;
    } finally {
      await pool.end();
    }
  },
};
