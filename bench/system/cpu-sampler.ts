import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

// Linux clock ticks per second for /proc/<pid>/stat utime and stime (USER_HZ, 100 on every common build).
const TICKS_PER_SECOND = 100;

/** A group of processes the bench samples CPU time of, found by command line. */
interface Sample {
  cpuTicks: number;
  waitNs: number;
}

/** CPU used by a group over a step, and how long its threads, ready to run, waited for a CPU. */
export interface CpuUse {
  cpuSeconds: number;
  runQueueWaitSeconds: number;
}

interface Watched {
  name: string;
  pids: number[];
}

export interface CpuSamplerOptions {
  /** The checkout whose dist/apps/<service>/src/main.js processes are the system under test. */
  root: string;
  /** Only PostgreSQL backends connected to this database count (the server may serve others too). */
  database: string;
  kafkaPidFile?: string;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ": utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** Nanoseconds the process's threads spent runnable but waiting for a CPU (/proc/<pid>/task/<tid>/schedstat). */
function runQueueWaitNs(pid: number): number | undefined {
  try {
    return readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => {
      try {
        return sum + Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]);
      } catch {
        return sum; // the thread ended meanwhile
      }
    }, 0);
  } catch {
    return undefined;
  }
}

function cwdOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

function instanceOf(pid: number): string | undefined {
  try {
    const env = readFileSync(join('/proc', String(pid), 'environ'), 'utf8').split('\0');
    return env.find((v) => v.startsWith('SAMAD_INSTANCE_ID='))?.split('=')[1];
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds per process over a step, read from /proc: each service process of this checkout (named by its
 * SAMAD_INSTANCE_ID), the local Kafka broker, the PostgreSQL backends connected to the system's database
 * (not the server's shared background processes), and the bench itself. Processes are found once.
 */
export class CpuSampler {
  private readonly watched: Watched[];
  private start = new Map<number, Sample>();

  constructor({ root, database, kafkaPidFile }: CpuSamplerOptions) {
    const pids = existsSync('/proc')
      ? readdirSync('/proc')
          .filter((d) => /^\d+$/.test(d))
          .map(Number)
      : [];
    const byName = new Map<string, number[]>();
    const add = (name: string, pid: number): void =>
      void byName.set(name, [...(byName.get(name) ?? []), pid]);
    for (const pid of pids) {
      const line = cmdline(pid);
      const service = /(?:^|[\s/])dist\/apps\/(\w+)\/src\/main\.js/.exec(line)?.[1];
      // Started by path from this checkout, or by a relative path from inside it.
      const ours =
        line.includes(`${root}/dist/apps/`) || (line.includes(' dist/apps/') && cwdOf(pid) === root);
      if (service && ours && pid !== process.pid) {
        add(instanceOf(pid) ?? service, pid);
      } else if (line.startsWith('postgres: ') && line.split(' ').includes(database)) {
        // A backend's title is "postgres: [cluster: ]<user> <database> <client> <state>".
        add('postgresql backends', pid);
      }
    }
    if (kafkaPidFile && existsSync(kafkaPidFile)) {
      add('kafka broker', Number(readFileSync(kafkaPidFile, 'utf8').trim()));
    }
    add('bench client', process.pid);
    this.watched = [...byName.entries()].map(([name, pidsOf]) => ({ name, pids: pidsOf }));
  }

  get names(): string[] {
    return this.watched.map((w) => w.name);
  }

  begin(): void {
    this.start = this.read();
  }

  /** What each group used since begin(); a process that ended meanwhile counts 0. */
  end(): Map<string, CpuUse> {
    const now = this.read();
    const delta = (pid: number, key: keyof Sample): number =>
      Math.max(0, (now.get(pid)?.[key] ?? 0) - (this.start.get(pid)?.[key] ?? now.get(pid)?.[key] ?? 0));
    return new Map(
      this.watched.map((w) => [
        w.name,
        {
          cpuSeconds: w.pids.reduce((sum, pid) => sum + delta(pid, 'cpuTicks'), 0) / TICKS_PER_SECOND,
          runQueueWaitSeconds: w.pids.reduce((sum, pid) => sum + delta(pid, 'waitNs'), 0) / 1e9,
        },
      ]),
    );
  }

  private read(): Map<number, Sample> {
    const samples = new Map<number, Sample>();
    for (const pid of this.watched.flatMap((w) => w.pids)) {
      const ticks = cpuTicks(pid);
      if (ticks !== undefined) samples.set(pid, { cpuTicks: ticks, waitNs: runQueueWaitNs(pid) ?? 0 });
    }
    return samples;
  }
}
