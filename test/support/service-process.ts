import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot, testEnv, waitFor } from './environment';

export interface RunningService {
  process: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts a compiled service as its own OS process, exactly as `npm start` does. */
export function startService(
  service: 'intake' | 'routing' | 'agency' | 'reporting',
  port: number,
  extraEnv: Record<string, string> = {},
): RunningService {
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', `${repoRoot}/scripts/register-paths.js`, `${repoRoot}/dist/apps/${service}/src/main.js`],
    {
      env: {
        ...process.env,
        DATABASE_URL: testEnv.databaseUrl,
        KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
        [`${service.toUpperCase()}_PORT`]: String(port),
        HOST: '127.0.0.1',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

export async function waitForHttp(baseUrl: string, path = '/health', status = 200): Promise<void> {
  await waitFor(`${baseUrl}${path} → ${status}`, async () => {
    const res = await fetch(`${baseUrl}${path}`);
    return res.status === status ? true : undefined;
  });
}

export async function stopService(service: RunningService): Promise<number | null> {
  if (service.process.exitCode === null) service.process.kill('SIGTERM');
  return service.exited;
}
