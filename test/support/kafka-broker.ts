import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { repoRoot, testEnv, waitFor } from './environment';

/** Drives the real test broker through the project's own script (outage tests stop and restart it). */
export function kafkaBroker(action: 'start' | 'stop' | 'status'): void {
  execFileSync('bash', [`${repoRoot}/infra/local/kafka.sh`, action], {
    env: { ...process.env, KAFKA_PORT: testEnv.kafkaPort },
    stdio: 'pipe',
    timeout: 120000,
  });
}

/** The same, without blocking the test's event loop (a load generator keeps running meanwhile). */
export async function kafkaBrokerAsync(action: 'start' | 'stop'): Promise<void> {
  await promisify(execFile)('bash', [`${repoRoot}/infra/local/kafka.sh`, action], {
    env: { ...process.env, KAFKA_PORT: testEnv.kafkaPort },
    timeout: 120000,
  });
}

export function brokerPid(): number {
  // infra/local/kafka.sh keeps the pid in $KAFKA_DATA_DIR/broker.pid (default .local/kafka-<port>).
  const dataDir = process.env.KAFKA_DATA_DIR ?? `${repoRoot}/.local/kafka-${testEnv.kafkaPort}`;
  return Number(readFileSync(`${dataDir}/broker.pid`, 'utf8').trim());
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `kill -9` of the broker's JVM: no controlled shutdown, nothing flushed; returns once the process is gone. */
export async function killBroker(): Promise<number> {
  const pid = brokerPid();
  process.kill(pid, 'SIGKILL');
  await waitFor(`broker pid ${pid} gone`, async () => (alive(pid) ? undefined : true));
  return pid;
}
