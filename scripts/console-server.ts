/** npm start's console: http://localhost:3000 (CONSOLE_PORT), the app and the APIs on one origin (ADR 0040). */
import { join } from 'node:path';
import { startConsoleServer } from './console/console-server';
import { planInstances } from './supervisor/service-instances';

const root = join(__dirname, '..', '..');
const port = Number(process.env.CONSOLE_PORT ?? 3000);
// The same instances, on the same ports, as the supervisor runs (REPLICAS, <SERVICE>_PORT).
const backends: Record<string, string[]> = {};
for (const instance of planInstances(process.env))
  (backends[instance.service] ??= []).push(`http://127.0.0.1:${instance.port}`);

startConsoleServer(
  { root, staticDir: join(root, 'dist', 'console'), backends },
  port,
  process.env.CONSOLE_HOST ?? '127.0.0.1',
).then(
  () => process.stdout.write(`samad: console on http://localhost:${port}\n`),
  (error: Error) => {
    process.stderr.write(`samad: the console cannot listen on port ${port}: ${error.message}\n`);
    process.exit(1);
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
