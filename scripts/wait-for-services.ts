/** Waits for every service instance's /health/ready to answer 200, then prints where to go (run by npm start). */
import { planInstances, type ServiceInstance } from './supervisor/service-instances';

const instances = planInstances(process.env);
const logDir = process.env.SAMAD_LOG_DIR ?? '.local/logs';

async function healthy(instance: ServiceInstance): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${instance.port}/health/ready`);
    return res.status === 200;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const warnAt = Date.now() + Number(process.env.SERVICES_WAIT_TIMEOUT_MS ?? 60000);
  let warned = false;
  const pending = new Set(instances);
  for (;;) {
    for (const instance of [...pending]) if (await healthy(instance)) pending.delete(instance);
    if (pending.size === 0) break;
    // Slow is not fatal: the supervisor restarts what dies, so say what is late and keep waiting.
    if (!warned && Date.now() > warnAt) {
      const names = [...pending].map((i) => i.name).join(', ');
      console.error(`samad: not healthy yet: ${names} (see ${logDir}/); still waiting`);
      warned = true;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const consolePort = process.env.CONSOLE_PORT ?? '3000';
  console.log('\nSamad is up (Ctrl-C stops everything):');
  console.log(
    `\n  open http://localhost:${consolePort}` +
      (process.env.SAMAD_DEMO_USERS === '1'
        ? ' — sign in as operator1 / samad-demo (111 operator) or staff.abfa / samad-demo (water agency), ' +
          'or track a request without signing in\n'
        : '\n'),
  );
  const width = Math.max(...instances.map((i) => i.name.length));
  for (const instance of instances) {
    const base = `http://127.0.0.1:${instance.port}`;
    console.log(
      `  ${instance.name.padEnd(width)}  ${base}   API docs ${base}/docs   health ${base}/health   ` +
        `metrics ${base}/metrics   ` +
        `log ${logDir}/${instance.logFile}`,
    );
  }
  console.log(
    `  ${'kafka'.padEnd(width)}  ${process.env.KAFKA_BROKERS}    postgres ${process.env.DATABASE_URL}`,
  );
  if (process.env.SAMAD_DEMO_USERS === '1') {
    console.log(
      `  ${'sign in'.padEnd(width)}  POST /api/auth/login as operator1, supervisor1, auditor1, admin1 or staff.<agency> ` +
        `(e.g. staff.abfa), password samad-demo`,
    );
  }
  // Without an SMS gateway key, citizens' texts land in intake's local outbox: say where to read them.
  const intake = instances.find((i) => i.name.startsWith('intake'));
  console.log(
    `  ${'sms'.padEnd(width)}  ` +
      (process.env.KAVENEGAR_API_KEY
        ? `citizens' SMS go to Kavenegar (${process.env.KAVENEGAR_BASE_URL ?? 'https://api.kavenegar.com'})`
        : `local outbox: GET http://127.0.0.1:${intake?.port ?? 3001}/api/admin/notifications as admin1 ` +
          `(table intake.sms_outbox)`),
  );
  // Traces are off unless the environment names an OTLP collector (ADR 0035).
  const otlp = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  console.log(
    `  ${'traces'.padEnd(width)}  ` +
      (otlp && process.env.OTEL_TRACES_EXPORTER !== 'none'
        ? `OTLP/HTTP to ${otlp}`
        : 'off (set OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:4318, to export spans)'),
  );
  console.log('');
}

void main();
