// `npm run rebuild -- <read-model> [--swap]`: the rebuild command on its own, without the samad dispatcher.
import { rebuildCommand } from './commands/rebuild.command';

rebuildCommand.run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
