import type { CommandArgs } from './auditor-command';

const SHORT: Record<string, string> = { o: 'output' };

/** `a b --as-of 1404/09/11 --all -o x.json` → positional [a, b], options {as-of, all: true, output}. */
export const parseArgs = (argv: readonly string[], flags: readonly string[]): CommandArgs => {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const long = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    const short = /^-([a-z])$/.exec(arg);
    const name = long?.[1] ?? (short ? SHORT[short[1]] : undefined);
    if (name === undefined) {
      positional.push(arg);
    } else if (long?.[2] !== undefined) {
      options[name] = long[2];
    } else if (flags.includes(name)) {
      options[name] = true;
    } else {
      const value = argv[i + 1];
      options[name] = value;
      i++;
    }
  }
  return { positional, options };
};

export const FLAGS = ['all', 'json', 'gregorian', 'no-progress', 'help'];
