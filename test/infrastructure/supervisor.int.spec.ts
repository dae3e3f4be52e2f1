import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, testEnv, waitFor } from '../support/environment';
import { waitForHttp } from '../support/service-process';

// The supervisor `npm start` runs, as real processes: 2 replicas of each service on the test broker and
// database, one killed with SIGKILL and brought back, then every child gone after SIGTERM.
const ports = { INTAKE_PORT: 14221, ROUTING_PORT: 14222, AGENCY_PORT: 14223, REPORTING_PORT: 14224 };
const healthUrls = Object.values(ports).flatMap((port) => [port, port + 100]);

/** The service processes the supervisor runs now, by their SAMAD_INSTANCE_ID (read from /proc). */
function childrenOf(pid: number): Map<string, number> {
  const listed = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
  const children = new Map<string, number>();
  for (const child of listed.split('\n').map(Number).filter(Boolean)) {
    try {
      const env = readFileSync(`/proc/${child}/environ`, 'utf8').split('\0');
      const id = env.find((v) => v.startsWith('SAMAD_INSTANCE_ID='))?.split('=')[1];
      if (id) children.set(id, child);
    } catch {
      // exited between ps and the read
    }
  }
  return children;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the npm start supervisor (REPLICAS=2, real service processes)', () => {
  let supervisor: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  const logDir = mkdtempSync(join(tmpdir(), 'samad-supervisor-'));
  const seen = new Set<number>();

  beforeAll(async () => {
    supervisor = spawn(
      process.execPath,
      ['-r', `${repoRoot}/scripts/register-paths.js`, `${repoRoot}/dist/scripts/supervise.js`],
      {
        env: {
          ...process.env,
          DATABASE_URL: testEnv.databaseUrl,
          KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
          ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
          HOST: '127.0.0.1',
          REPLICAS: '2',
          LOG_LEVEL: 'info',
          SAMAD_LOG_DIR: logDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    supervisor.stdout?.on('data', (d) => (output += d));
    supervisor.stderr?.on('data', (d) => (output += d));
    exited = new Promise((resolve) => supervisor.on('exit', (code) => resolve(code)));
    await Promise.all(healthUrls.map((port) => waitForHttp(`http://127.0.0.1:${port}`)));
  }, 180000);

  afterAll(async () => {
    if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
    for (const pid of seen) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(logDir, { recursive: true, force: true });
  });

  it('runs 8 processes, each with its own instance id, output prefixed and logged per instance', () => {
    const children = childrenOf(supervisor.pid!);
    children.forEach((pid) => seen.add(pid));
    expect([...children.keys()].sort()).toEqual(
      ['intake', 'routing', 'agency', 'reporting'].flatMap((s) => [`${s}-1`, `${s}-2`]).sort(),
    );
    expect(output).toMatch(/^intake#2 +\| \{.*"instance":"intake-2".*"msg":"listening"/m);
    expect(readFileSync(join(logDir, 'reporting-2.log'), 'utf8')).toMatch(/^\{.*"instance":"reporting-2"/m);
  });

  it('restarts an instance killed with SIGKILL, saying so in one line', async () => {
    const before = childrenOf(supervisor.pid!).get('routing-2')!;
    process.kill(before, 'SIGKILL');
    await waitFor('the restart message', async () =>
      output.includes('samad: routing#2 was killed by SIGKILL; restarting in 1 s\n') ? true : undefined,
    );
    const after = await waitFor('a new routing-2 process', async () => {
      const pid = childrenOf(supervisor.pid!).get('routing-2');
      return pid !== undefined && pid !== before ? pid : undefined;
    });
    seen.add(after);
    await waitForHttp(`http://127.0.0.1:${ports.ROUTING_PORT + 100}`);
    expect(alive(before)).toBe(false);
    expect(output.match(/restarting in/g)).toHaveLength(1);
  }, 90000);

  it('on SIGTERM stops every service process, then exits 0', async () => {
    const children = [...childrenOf(supervisor.pid!).values()];
    expect(children).toHaveLength(8);
    children.forEach((pid) => seen.add(pid));
    supervisor.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(children.filter(alive)).toEqual([]);
    expect(output).toContain('samad: SIGTERM received; stopping 8 service processes\n');
    expect(output).toContain('samad: all service processes stopped\n');
    expect(output).not.toMatch(/did not stop within/);
  }, 60000);
});
