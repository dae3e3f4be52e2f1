import { appendFileSync, mkdirSync } from 'node:fs';
import { repoRoot, testEnv, waitFor } from './environment';
import { startService, stopService, type RunningService } from './service-process';
import { TcpProxy } from './tcp-proxy';

export type ServiceName = 'intake' | 'routing' | 'agency' | 'reporting';
/** A running process of the system: a service name, or `intake-2` for a second intake instance. */
export type InstanceName = ServiceName | 'intake-2';

export interface FaultSystemOptions {
  /** Names the folder under .local/fault-suite/ where every process's output is kept. */
  scenario: string;
  /** intake = base, routing +1, agency +2, reporting +3, intake-2 +4, the PostgreSQL proxy +9. */
  basePort: number;
  /** Which processes to run; default the four services. */
  instances?: readonly InstanceName[];
  /** Every service reaches PostgreSQL through a TCP proxy the test can cut. */
  databaseProxy?: boolean;
}

const offsets: Record<InstanceName, number> = {
  intake: 0,
  routing: 1,
  agency: 2,
  reporting: 3,
  'intake-2': 4,
};
const serviceOf = (instance: InstanceName): ServiceName => (instance === 'intake-2' ? 'intake' : instance);

/**
 * The four services as OS processes on the real broker and database, as `npm start` runs them, with the
 * handles a fault test needs: kill -9 one, restart it on the same port, cut the database away. Every
 * process's output is written to .local/fault-suite/<scenario>/<instance>.log for the post-mortem.
 */
export class FaultSystem {
  readonly proxy?: TcpProxy;
  readonly logDir: string;
  private readonly running = new Map<InstanceName, RunningService>();
  private readonly expectedExits = new Set<RunningService>();
  private readonly unexpected: string[] = [];
  /** How long the first start of every process took until all answered /health. */
  startupMs = 0;

  constructor(private readonly options: FaultSystemOptions) {
    this.logDir = `${repoRoot}/.local/fault-suite/${options.scenario}`;
    if (options.databaseProxy) {
      const target = new URL(testEnv.databaseUrl);
      this.proxy = new TcpProxy(options.basePort + 9, {
        host: target.hostname,
        port: Number(target.port || 5432),
      });
    }
  }

  get instances(): readonly InstanceName[] {
    return this.options.instances ?? ['intake', 'routing', 'agency', 'reporting'];
  }

  async start(): Promise<void> {
    const started = Date.now();
    mkdirSync(this.logDir, { recursive: true });
    await this.proxy?.open();
    await Promise.all(this.instances.map((instance) => this.startInstance(instance)));
    this.startupMs = Date.now() - started;
  }

  baseUrl(instance: InstanceName): string {
    return `http://127.0.0.1:${this.options.basePort + offsets[instance]}`;
  }

  pid(instance: InstanceName): number {
    const pid = this.running.get(instance)?.process.pid;
    if (pid === undefined) throw new Error(`${instance} is not running`);
    return pid;
  }

  /** The instance whose process has this pid. */
  instanceWithPid(pid: number): InstanceName | undefined {
    return [...this.running].find(([, service]) => service.process.pid === pid)?.[0];
  }

  /** `kill -9`: no shutdown hook runs, offsets and transactions in flight are simply cut off. */
  async kill9(instance: InstanceName): Promise<number> {
    const service = this.running.get(instance);
    if (!service) throw new Error(`${instance} is not running`);
    this.expectedExits.add(service);
    const pid = service.process.pid!;
    service.process.kill('SIGKILL');
    await service.exited;
    this.running.delete(instance);
    return pid;
  }

  /** A graceful stop (SIGTERM), as a deployment would. */
  async stop(instance: InstanceName): Promise<void> {
    const service = this.running.get(instance);
    if (!service) return;
    this.expectedExits.add(service);
    await stopService(service);
    this.running.delete(instance);
  }

  /** Starts the instance again on its port and waits until it answers /health. */
  startInstance(instance: InstanceName): Promise<void> {
    const env: Record<string, string> = {};
    if (this.proxy) {
      env.DATABASE_URL = Object.assign(new URL(testEnv.databaseUrl), {
        port: String(this.proxy.port),
      }).toString();
    }
    const service = startService(serviceOf(instance), this.options.basePort + offsets[instance], env);
    this.running.set(instance, service);
    const log = `${this.logDir}/${instance}.log`;
    appendFileSync(log, `---- ${new Date().toISOString()} started pid ${service.process.pid}\n`);
    service.process.stdout?.on('data', (d) => appendFileSync(log, d));
    service.process.stderr?.on('data', (d) => appendFileSync(log, d));
    void service.exited.then((code) => {
      appendFileSync(log, `---- ${new Date().toISOString()} exited with ${code}\n`);
      if (!this.expectedExits.has(service))
        this.unexpected.push(`${instance} (pid ${service.process.pid}) exited with ${code}`);
    });
    return this.healthy(instance);
  }

  /** Waits until the instance answers /health with 200 (both dependencies reachable). */
  async healthy(instance: InstanceName, timeoutMs = 120000): Promise<void> {
    await waitFor(
      `${instance} healthy`,
      async () => {
        const service = this.running.get(instance);
        if (service?.process.exitCode !== null) throw new Error(`${instance} is not running`);
        const res = await fetch(`${this.baseUrl(instance)}/health`);
        return res.status === 200 ? true : undefined;
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  /** Processes that died without the test killing or stopping them. */
  unexpectedExits(): readonly string[] {
    return [...this.unexpected];
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((instance) => this.stop(instance)));
    await this.proxy?.cut();
  }
}
