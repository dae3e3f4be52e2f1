/**
 * Runs every service (REPLICAS of each) as child processes, like a small process manager: output prefixed
 * with the instance's name and copied to .local/logs/, a dead instance restarted with backoff, and on
 * SIGINT/SIGTERM every child stopped (SIGTERM, then SIGKILL at the deadline) before this process exits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { planInstances, type ServiceInstance } from './supervisor/service-instances';
import { SupervisedInstance } from './supervisor/supervised-instance';

const root = join(__dirname, '..', '..');
const say = (message: string): void => void process.stdout.write(`samad: ${message}\n`);

function main(): void {
  let plan: ServiceInstance[];
  try {
    plan = planInstances(process.env);
  } catch (error) {
    say((error as Error).message);
    process.exit(78);
  }
  // Each service gets SHUTDOWN_TIMEOUT_MS to drain; a little more before it is killed.
  const stopDeadlineMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10000) + 5000;
  const logDir = process.env.SAMAD_LOG_DIR ?? join(root, '.local', 'logs');
  mkdirSync(logDir, { recursive: true });
  let stopping = false;
  const stopAll = async (reason: string, exitCode: number): Promise<void> => {
    if (stopping) return; // npm may forward a second signal; the first stop is already under way
    stopping = true;
    say(`${reason}; stopping ${instances.length} service processes`);
    await Promise.all(instances.map((i) => i.stop(stopDeadlineMs)));
    say('all service processes stopped');
    process.exit(exitCode);
  };
  const instances = plan.map(
    (instance) =>
      new SupervisedInstance(instance, {
        root,
        logDir,
        nameWidth: Math.max(...plan.map((i) => i.name.length)),
        say,
        out: (line) => void process.stdout.write(`${line}\n`),
        onFatal: (failed, code) => void stopAll(`${failed.name} cannot run`, code),
      }),
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stopAll(`${signal} received`, 0));
  }
  for (const instance of instances) instance.start();
  const ports = plan.map((i) => `${i.name} :${i.port}`).join(', ');
  say(`supervising ${plan.length} service processes (${ports}); logs in ${logDir}`);
}

main();
