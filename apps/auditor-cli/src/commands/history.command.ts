import { parseAsOf } from '../as-of';
import type { AuditorCommand } from '../auditor-command';
import { openAuditSource } from '../audit-source';

/** `samad history <code> [--as-of …]`: every event in stream order (identifiers masked), up to the moment given. */
export const historyCommand: AuditorCommand = {
  name: 'history',
  usage: 'samad history <tracking code> [--as-of <Jalali day | ISO date | commit:prepare>] [--json]',
  async run({ args, messages, formatTime, out }) {
    const asOf = typeof args.options['as-of'] === 'string' ? parseAsOf(args.options['as-of']) : undefined;
    const source = await openAuditSource(args, messages);
    try {
      const { code, events } = await source.history(args.positional[0], asOf);
      if (args.options.json) {
        out(
          JSON.stringify(
            events.map((e) => ({
              revision: e.revision,
              type: e.type,
              recordedAt: e.recordedAt.toISOString(),
              position: e.position,
              actor: e.actor,
              hash: e.hash,
              data: e.data,
            })),
            null,
            2,
          ),
        );
        return 0;
      }
      out(messages.historyHeader(code, events.length));
      for (const e of events) {
        const actor = e.actor ? `${e.actor.role}:${e.actor.id}` : '-';
        out(`${e.revision}\t${formatTime(e.recordedAt)}\t${e.type}\t${actor}\t${e.position}`);
      }
      return 0;
    } finally {
      await source.close();
    }
  },
};
