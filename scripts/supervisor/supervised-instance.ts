import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { LinePrefixer } from './line-prefixer';
import { RestartBackoff } from './restart-backoff';
import type { ServiceInstance } from './service-instances';

export interface SupervisorOptions {
  root: string;
  logDir: string;
  /** Width the instance names are padded to, so the `|` columns line up. */
  nameWidth: number;
  say: (message: string) => void;
  out: (line: string) => void;
  /** Called when an instance exits with a configuration error: restarting it cannot help. */
  onFatal: (instance: ServiceInstance, code: number) => void;
}

const EX_CONFIG = 78; // bootstrapService's exit code for an invalid configuration

/** One service instance as a child process: prefixed output, its own log file, restarts with backoff. */
export class SupervisedInstance {
  private child?: ChildProcess;
  private startedAt = 0;
  private restartTimer?: NodeJS.Timeout;
  private stopping = false;
  private exited?: Promise<void>;
  private readonly backoff = new RestartBackoff();
  private readonly log: WriteStream;

  constructor(
    readonly instance: ServiceInstance,
    private readonly options: SupervisorOptions,
  ) {
    this.log = createWriteStream(join(options.logDir, instance.logFile), { flags: 'w' });
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  start(): void {
    const { root } = this.options;
    const { service } = this.instance;
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(root, 'scripts', 'register-paths.js'),
        join(root, 'dist', 'apps', service, 'src', 'main.js'),
      ],
      // The IPC channel closes when this process dies, however it dies: the service then stops too.
      { cwd: root, env: { ...process.env, ...this.instance.env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
    );
    this.child = child;
    this.startedAt = Date.now();
    const prefix = `${this.instance.name.padEnd(this.options.nameWidth)} | `;
    for (const stream of [child.stdout, child.stderr]) {
      const lines = new LinePrefixer(prefix, this.options.out);
      const raw = new LinePrefixer('', (line) => this.log.write(`${line}\n`));
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        lines.write(chunk);
        raw.write(chunk);
      });
      stream?.on('end', () => {
        lines.flush();
        raw.flush();
      });
    }
    child.on('error', (error) => this.options.say(`${this.instance.name} could not start: ${error.message}`));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        resolve();
        this.onExit(code, signal);
      }),
    );
  }

  /** SIGTERM now, SIGKILL at the deadline; resolves once the process is gone. */
  async stop(deadlineMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    if (this.pid !== undefined) {
      this.child?.kill('SIGTERM');
      const killer = setTimeout(() => {
        this.options.say(`${this.instance.name} did not stop within ${deadlineMs} ms; killing it`);
        this.child?.kill('SIGKILL');
      }, deadlineMs);
      await this.exited;
      clearTimeout(killer);
    }
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    const upForMs = Date.now() - this.startedAt;
    // On Ctrl-C the terminal signals every process at once and a service may exit a moment before the
    // supervisor hears the signal itself; wait briefly so that is not mistaken for a crash.
    setTimeout(() => {
      if (this.stopping) return;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      if (code === EX_CONFIG) {
        this.options.say(`${this.instance.name} ${how} (configuration error); not restarting`);
        this.options.onFatal(this.instance, code);
        return;
      }
      const delayMs = this.backoff.nextDelay(upForMs);
      const message = `${this.instance.name} ${how}; restarting in ${delayMs / 1000} s`;
      this.options.say(message);
      this.log.write(`samad: ${message}\n`);
      this.restartTimer = setTimeout(() => this.start(), delayMs);
    }, 250);
  }
}
