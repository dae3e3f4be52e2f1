/**
 * Parked messages, from the command line: list, show and re-drive what the services' consumers parked.
 *
 *   npm run dead-letters -- list [--service S] [--reason R] [--event-type T] [--include-redriven]
 *   npm run dead-letters -- show <id>
 *   npm run dead-letters -- redrive <id> [<id> ...]
 *   npm run dead-letters -- redrive --reason R | --event-type T | --all   [--service S]
 *
 * It talks to PostgreSQL (DATABASE_URL). A re-drive is a request: the owning service applies the message
 * within a few seconds (idempotently) and stamps it; `list --include-redriven` shows when.
 */
import { Client } from 'pg';
import {
  findParkedMessage,
  listParkedMessages,
  requestRedrive,
  type ParkedMessageSummary,
} from '@samad/service-kit';

const services = ['intake', 'routing', 'agency', 'reporting'] as const;
const usage = `usage: dead-letters list|show <id>|redrive <id...>|redrive --reason R|--event-type T|--all [--service S]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

function fail(message: string): never {
  console.error(`dead-letters: ${message}\n${usage}`);
  process.exit(2);
}

const row = (m: ParkedMessageSummary): string =>
  [
    m.id,
    m.consumer,
    `${m.topic}/${m.partition}@${m.offset}`,
    m.eventType ?? '-',
    m.reason,
    m.parkedAt,
    m.redrivenAt ? `re-driven ${m.redrivenAt}` : m.redriveRequestedAt ? 're-drive asked' : 'open',
    m.error.slice(0, 120),
  ].join('  ');

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const service = option(args, '--service');
  if (service && !(services as readonly string[]).includes(service)) fail(`no service ${service}`);
  const schemas = service ? [service] : [...services];
  const client = new Client({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad',
  });
  await client.connect();
  try {
    if (command === 'list') {
      const filter = {
        reason: option(args, '--reason'),
        eventType: option(args, '--event-type'),
        includeRedriven: args.includes('--include-redriven'),
        limit: 1000,
      };
      let total = 0;
      for (const schema of schemas) {
        for (const m of await listParkedMessages(client, schema, filter)) {
          console.log(row(m));
          total += 1;
        }
      }
      console.log(`${total} parked message(s)`);
    } else if (command === 'show') {
      const id = args[0] ?? fail('show needs an id');
      for (const schema of schemas) {
        const found = await findParkedMessage(client, schema, id).catch(() => undefined);
        if (found) return void console.log(JSON.stringify(found, null, 2));
      }
      fail(`no parked message ${id}`);
    } else if (command === 'redrive') {
      const ids = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
      const reason = option(args, '--reason');
      const eventType = option(args, '--event-type');
      if (ids.length === 0 && !reason && !eventType && !args.includes('--all'))
        fail('say which: ids, --reason, --event-type or --all');
      let asked = 0;
      for (const schema of schemas) {
        asked += (await requestRedrive(client, schema, ids.length > 0 ? { ids } : { reason, eventType }))
          .length;
      }
      console.log(`${asked} message(s) asked to re-drive; the owning services apply them within seconds`);
    } else fail(command ? `unknown command ${command}` : 'no command');
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`dead-letters: ${(error as Error).message}`);
  process.exit(1);
});
