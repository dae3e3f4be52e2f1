// The command reads PostgreSQL read-only: every transaction it opens refuses writes.
import { Pool } from 'pg';
import { UsageError, type CommandArgs } from './auditor-command';

export const openReadOnlyDatabase = (args: CommandArgs): Pool => {
  const url = (args.options['database-url'] as string | undefined) ?? process.env.DATABASE_URL;
  if (!url) throw new UsageError('set DATABASE_URL (or --database-url) to a read-only connection');
  return new Pool({
    connectionString: url,
    max: 2,
    application_name: 'samad-auditor-cli',
    options: '-c default_transaction_read_only=on',
  });
};

// The kept checkpoints and leaves are reporting's tables; the HTTP API reads them the same way.
export { loadCheckpoints, loadLeafLog } from '@samad/reporting-read-model';
