import { maskPersonalIdentifiers } from '@samad/request-lifecycle';
import { existedAt, parseAsOf } from '../as-of';
import { openReadOnlyDatabase } from '../audit-database';
import type { AuditorCommand } from '../auditor-command';
import { readRequestEvents } from '../read-request';

/** `samad history <code> [--as-of …]`: every event in stream order (identifiers masked), up to the moment given. */
export const historyCommand: AuditorCommand = {
  name: 'history',
  usage: 'samad history <tracking code> [--as-of <Jalali day | ISO date | commit:prepare>] [--json]',
  async run({ args, messages, formatTime, out }) {
    const pool = openReadOnlyDatabase(args);
    try {
      const { code, events } = await readRequestEvents(pool, args.positional[0], messages);
      const asOf = typeof args.options['as-of'] === 'string' ? parseAsOf(args.options['as-of']) : undefined;
      const shown = asOf ? events.filter((event) => existedAt(event, asOf)) : events;
      if (args.options.json) {
        out(
          JSON.stringify(
            shown.map((e) => ({
              revision: e.streamRevision.toString(),
              type: e.type,
              recordedAt: e.recordedAt.toISOString(),
              position: `${e.position.commit}:${e.position.prepare}`,
              actor: e.metadata.actor ?? null,
              hash: e.hash,
              data: maskPersonalIdentifiers(e.data),
            })),
            null,
            2,
          ),
        );
        return 0;
      }
      out(messages.historyHeader(code, shown.length));
      for (const e of shown) {
        const actor = e.metadata.actor ? `${e.metadata.actor.role}:${e.metadata.actor.id}` : '-';
        out(
          `${e.streamRevision}\t${formatTime(e.recordedAt)}\t${e.type}\t${actor}\t${e.position.commit}:${e.position.prepare}`,
        );
      }
      return 0;
    } finally {
      await pool.end();
    }
  },
};
