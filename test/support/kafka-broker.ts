import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoRoot, testEnv } from './environment';

/** Drives the real test broker through the project's own script (outage tests stop and restart it). */
export function kafkaBroker(action: 'start' | 'stop' | 'status'): void {
  execFileSync('bash', [`${repoRoot}/infra/local/kafka.sh`, action], {
    env: { ...process.env, KAFKA_PORT: testEnv.kafkaPort },
    stdio: 'pipe',
    timeout: 120000,
  });
}

export function brokerPid(): number {
  return Number(readFileSync(`${repoRoot}/.local/kafka-${testEnv.kafkaPort}/broker.pid`, 'utf8').trim());
}
