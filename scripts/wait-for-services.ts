/** Waits for every service's /health/ready to answer 200, then prints where to go. */
import { DEFAULT_PORTS, type ServiceName } from '@samad/service-kit';

const services = Object.keys(DEFAULT_PORTS) as ServiceName[];
const portOf = (s: ServiceName): number => Number(process.env[`${s.toUpperCase()}_PORT`] ?? DEFAULT_PORTS[s]);

async function healthy(service: ServiceName): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${portOf(service)}/health/ready`);
    return res.status === 200;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const deadline = Date.now() + Number(process.env.SERVICES_WAIT_TIMEOUT_MS ?? 60000);
  const pending = new Set(services);
  while (pending.size > 0 && Date.now() < deadline) {
    for (const service of [...pending]) if (await healthy(service)) pending.delete(service);
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 500));
  }
  if (pending.size > 0) {
    console.error(`samad: not healthy in time: ${[...pending].join(', ')} (see .local/logs/)`);
    process.exit(1);
  }
  console.log('\nSamad is up (Ctrl-C stops everything):');
  for (const s of services) {
    const base = `http://127.0.0.1:${portOf(s)}`;
    console.log(`  ${s.padEnd(10)} ${base}   API docs ${base}/docs   health ${base}/health`);
  }
  console.log(`  kafka      ${process.env.KAFKA_BROKERS}    postgres ${process.env.DATABASE_URL}`);
  if (process.env.SAMAD_DEMO_USERS === '1') {
    console.log(
      '  sign in    POST /api/auth/login as operator1, supervisor1, auditor1, admin1 or staff.<agency> ' +
        '(e.g. staff.abfa), password samad-demo',
    );
  }
  console.log('');
}

void main();
