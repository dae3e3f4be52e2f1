// `samad <command> …`: the auditors' command line (ADR 0030). Dispatches to the commands in commands.ts.
import { formatJalali } from '@samad/request-lifecycle';
import { UsageError } from './auditor-command';
import { FLAGS, parseArgs } from './cli-args';
import { auditorCommands } from './commands';
import { ApiProblemError } from './http-audit-source';
import { messagesFor } from './messages';

export const main = async (argv: readonly string[]): Promise<number> => {
  const parsed = parseArgs(argv, FLAGS);
  const [name, ...positional] = parsed.positional;
  const args = { ...parsed, positional };
  const messages = messagesFor(
    (args.options.lang as string | undefined) ?? (process.env.SAMAD_LANG === 'en' ? 'en' : undefined),
  );
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  const command = auditorCommands.find((c) => c.name === name);
  if (!command) {
    if (name) err(messages.unknownCommand(name));
    err(messages.usage);
    for (const c of auditorCommands) err(`  ${c.usage}`);
    return 2;
  }
  const formatTime = args.options.gregorian ? (d: Date) => d.toISOString() : formatJalali;
  try {
    return await command.run({ args, messages, formatTime, out, err });
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return 2;
    }
    if (error instanceof ApiProblemError) {
      err(error.message);
      return 1;
    }
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
};
