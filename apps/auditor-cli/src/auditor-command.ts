import type { Messages } from './messages';

/** Parsed command line: positional arguments and `--name value` / `--flag` options. */
export interface CommandArgs {
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string | true>>;
}

export interface CommandContext {
  readonly args: CommandArgs;
  readonly messages: Messages;
  /** Jalali (default) or ISO times, as the auditor asked. */
  readonly formatTime: (date: Date) => string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** One `samad <name>` command: registering it is one entry in commands.ts. */
export interface AuditorCommand {
  readonly name: string;
  readonly usage: string;
  /** Returns the process exit code (0 = ok). */
  run(context: CommandContext): Promise<number>;
}

/** A mistake in how the command was called: printed without a stack, exit code 2. */
export class UsageError extends Error {}
