import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, testEnv, waitFor } from '../support/environment';

// The supervisor `npm start` runs, as real processes on the test broker and database: 2 replicas of each
// service, one killed with SIGKILL and brought back, every child gone after SIGTERM; and the services stop
// by themselves when the supervisor is killed outright.

interface Supervisor {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  logDir: string;
}

function startSupervisor(replicas: number, intakePort: number): Supervisor {
  const logDir = mkdtempSync(join(tmpdir(), 'samad-supervisor-'));
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', `${repoRoot}/scripts/register-paths.js`, `${repoRoot}/dist/scripts/supervise.js`],
    {
      env: {
        ...process.env,
        DATABASE_URL: testEnv.databaseUrl,
        KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
        INTAKE_PORT: String(intakePort),
        ROUTING_PORT: String(intakePort + 1),
        AGENCY_PORT: String(intakePort + 2),
        REPORTING_PORT: String(intakePort + 3),
        HOST: '127.0.0.1',
        REPLICAS: String(replicas),
        LOG_LEVEL: 'info',
        SAMAD_LOG_DIR: logDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited, logDir };
}

/** Every instance's /health answers 200 (eight services starting on a busy machine may take a while). */
async function allHealthy(replicas: number, intakePort: number): Promise<void> {
  const ports = [0, 1, 2, 3].flatMap((s) =>
    Array.from({ length: replicas }, (_, k) => intakePort + s + 100 * k),
  );
  await waitFor(
    `${ports.length} instances healthy`,
    async () => {
      const answers = await Promise.all(
        ports.map((port) =>
          fetch(`http://127.0.0.1:${port}/health`).then(
            (r) => r.status,
            () => 0,
          ),
        ),
      );
      return answers.every((status) => status === 200) ? true : undefined;
    },
    { timeoutMs: 150000, intervalMs: 500 },
  );
}

/** The service processes a supervisor runs now, by their SAMAD_INSTANCE_ID (read from /proc). */
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

/** Stops whatever a failed test left running: the services first, so none is orphaned. */
async function cleanUp(supervisor: Supervisor, seen: Set<number>): Promise<void> {
  if (supervisor.process.exitCode === null) {
    childrenOf(supervisor.process.pid!).forEach((pid) => seen.add(pid));
    supervisor.process.kill('SIGTERM');
    await Promise.race([supervisor.exited, new Promise((r) => setTimeout(r, 30000))]);
  }
  for (const pid of seen) if (alive(pid)) process.kill(pid, 'SIGKILL');
  if (supervisor.process.exitCode === null) supervisor.process.kill('SIGKILL');
  rmSync(supervisor.logDir, { recursive: true, force: true });
}

describe('the npm start supervisor (REPLICAS=2, real service processes)', () => {
  const intakePort = 14221;
  const seen = new Set<number>();
  let supervisor: Supervisor;

  beforeAll(async () => {
    supervisor = startSupervisor(2, intakePort);
    await allHealthy(2, intakePort);
  }, 180000);

  afterAll(() => cleanUp(supervisor, seen), 60000);

  it('runs 8 processes, each with its own instance id, output prefixed and logged per instance', () => {
    const children = childrenOf(supervisor.process.pid!);
    children.forEach((pid) => seen.add(pid));
    expect([...children.keys()].sort()).toEqual(
      ['intake', 'routing', 'agency', 'reporting'].flatMap((s) => [`${s}-1`, `${s}-2`]).sort(),
    );
    expect(supervisor.output()).toMatch(/^intake#2 +\| \{.*"instance":"intake-2".*"msg":"listening"/m);
    expect(readFileSync(join(supervisor.logDir, 'reporting-2.log'), 'utf8')).toMatch(
      /^\{.*"instance":"reporting-2"/m,
    );
  });

  it('restarts an instance killed with SIGKILL, saying so in one line', async () => {
    const before = childrenOf(supervisor.process.pid!).get('routing-2')!;
    process.kill(before, 'SIGKILL');
    await waitFor('the restart message', async () =>
      supervisor.output().includes('samad: routing#2 was killed by SIGKILL; restarting in 1 s\n')
        ? true
        : undefined,
    );
    const after = await waitFor('a new routing-2 process', async () => {
      const pid = childrenOf(supervisor.process.pid!).get('routing-2');
      return pid !== undefined && pid !== before ? pid : undefined;
    });
    seen.add(after);
    await allHealthy(2, intakePort);
    expect(alive(before)).toBe(false);
    expect(supervisor.output().match(/restarting in/g)).toHaveLength(1);
  }, 180000);

  it('on SIGTERM stops every service process, then exits 0', async () => {
    const children = [...childrenOf(supervisor.process.pid!).values()];
    expect(children).toHaveLength(8);
    children.forEach((pid) => seen.add(pid));
    supervisor.process.kill('SIGTERM');
    expect(await supervisor.exited).toBe(0);
    expect(children.filter(alive)).toEqual([]);
    expect(supervisor.output()).toContain('samad: SIGTERM received; stopping 8 service processes\n');
    expect(supervisor.output()).toContain('samad: all service processes stopped\n');
    expect(supervisor.output()).not.toMatch(/did not stop within/);
  }, 60000);
});

describe('the npm start supervisor killed outright', () => {
  const intakePort = 14231;
  const seen = new Set<number>();
  let supervisor: Supervisor;

  beforeAll(async () => {
    supervisor = startSupervisor(1, intakePort);
    await allHealthy(1, intakePort);
  }, 180000);

  afterAll(() => cleanUp(supervisor, seen), 60000);

  it('leaves no service running: each stops when its channel to the supervisor closes', async () => {
    const children = [...childrenOf(supervisor.process.pid!).values()];
    expect(children).toHaveLength(4);
    children.forEach((pid) => seen.add(pid));
    supervisor.process.kill('SIGKILL');
    await supervisor.exited;
    await waitFor('every service gone', async () => (children.some(alive) ? undefined : true), {
      timeoutMs: 40000,
    });
  }, 60000);
});
