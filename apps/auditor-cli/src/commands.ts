// Every `samad` command: adding one is one entry here.
import type { AuditorCommand } from './auditor-command';
import { exportCommand } from './commands/export.command';
import { historyCommand } from './commands/history.command';
import { stateCommand } from './commands/state.command';
import { verifyBundleCommand } from './commands/verify-bundle.command';
import { verifyCommand } from './commands/verify.command';
import { rebuildCommand } from './commands/rebuild.command';

export const auditorCommands: readonly AuditorCommand[] = [
  historyCommand,
  stateCommand,
  verifyCommand,
  exportCommand,
  verifyBundleCommand,
  // rebuild parses its own argv (it also runs alone as `npm run rebuild`): hand it the words back.
  {
    name: rebuildCommand.name,
    usage: `samad rebuild <read-model> [--swap] — ${rebuildCommand.describe}`,
    run: ({ args }) =>
      rebuildCommand.run([
        ...args.positional,
        ...Object.entries(args.options).flatMap(([name, value]) =>
          value === true ? [`--${name}`] : [`--${name}`, value],
        ),
      ]),
  },
];
