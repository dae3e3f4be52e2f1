// System benchmark: a running `npm start` system under rising numbers of operators registering requests,
// with the same HTTP stack doing no work measured in the same run as the ceiling.
// Run: npm run bench:system (env: BENCH_OPERATORS, BENCH_DURATION_S, BENCH_GRACE_S, BENCH_POLL_MS,
// INTAKE_PORT / AGENCY_PORT or BENCH_INTAKE_URL / BENCH_AGENCY_URL, DATABASE_URL, KAFKA_PORT).
import { randomInt, randomUUID } from 'node:crypto';
import os from 'node:os';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { categories, counties } from '@samad/reference-data';
import { nationalCodeCheckDigit } from '@samad/request-lifecycle';
import { closedLoop, percentile, type LoopResult } from './system/closed-loop';
import { CpuSampler, type CpuUse } from './system/cpu-sampler';
import { HttpClient } from './system/http-client';
import { InboxWatch } from './system/inbox-watch';

const env = process.env;
const intakeUrl = env.BENCH_INTAKE_URL ?? `http://127.0.0.1:${env.INTAKE_PORT ?? 3001}`;
const agencyUrl = env.BENCH_AGENCY_URL ?? `http://127.0.0.1:${env.AGENCY_PORT ?? 3003}`;
const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad';
const operatorSteps = (env.BENCH_OPERATORS ?? '1,8,32,128').split(',').map(Number);
const durationMs = 1000 * Number(env.BENCH_DURATION_S ?? 20);
const graceMs = 1000 * Number(env.BENCH_GRACE_S ?? 60);
const pollMs = Number(env.BENCH_POLL_MS ?? 15);
// CPU per process is sampled during this step (the one docs/benchmarks.md profiles).
const profiledStep = Number(env.BENCH_PROFILE_OPERATORS ?? 32);
const root = realpathSync(join(__dirname, '..', '..'));
const kafkaPidFile = join(root, '.local', `kafka-${env.KAFKA_PORT ?? 9092}`, 'broker.pid');

const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');
function nationalCode(): string {
  for (;;) {
    const nine = digits(9);
    const code = `${nine}${nationalCodeCheckDigit(nine)}`;
    if (!/^(\d)\1{9}$/.test(code)) return code;
  }
}
// Categories with a default agency have a routing rule to it, so each request lands in an agency inbox
// (the others go to the manual-routing queue, which is not what this bench measures).
const routedCategories = categories.filter((c) => c.defaultAgency !== undefined);
const registration = () => ({
  channel: 'phone',
  kind: 'complaint',
  collective: false,
  citizens: [{ nationalCode: nationalCode(), fullName: 'زهرا کریمی', mobile: `0917${digits(7)}` }],
  countyCode: counties[randomInt(counties.length)].code,
  categoryCode: routedCategories[randomInt(routedCategories.length)].code,
  description: 'قطعی مکرر آب شرب در محله در سه روز گذشته؛ لطفاً پیگیری فرمایید.',
});

async function reachable(client: HttpClient, url: string): Promise<string | undefined> {
  try {
    const { status } = await client.send('GET', url);
    return status === 200 ? undefined : `answered ${status}`;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The no-work peer: /health/live where the services have it, else the static key set (no DB, no Kafka). */
async function peerPath(client: HttpClient): Promise<string> {
  const live = await client.send('GET', `${intakeUrl}/health/live`).catch(() => undefined);
  return live?.status === 200 ? '/health/live' : '/.well-known/jwks.json';
}

async function signIn(client: HttpClient): Promise<string> {
  const { status, body } = await client.send('POST', `${intakeUrl}/api/auth/login`, {
    username: 'operator1',
    password: 'samad-demo',
  });
  if (status !== 200) {
    throw new Error(
      `sign-in as operator1 answered ${status} (start the system with SAMAD_DEMO_USERS=1): ${body}`,
    );
  }
  return (JSON.parse(body) as { accessToken: string }).accessToken;
}

const fmt = (n: number, digitsAfter = 1): string => (Number.isNaN(n) ? '–' : n.toFixed(digitsAfter));
const rate = (r: LoopResult): number => r.latenciesMs.length / (r.elapsedMs / 1000);
const failuresOf = (r: LoopResult): string =>
  [...r.failures.entries()].map(([why, count]) => `${count}× ${why}`).join(', ') || '0';

interface StepResult {
  operators: number;
  peer: LoopResult;
  register: LoopResult;
  arrivalsMs: number[];
  lost: number;
  cpu?: Map<string, CpuUse>;
  cpuWindowS?: number;
}

async function main(): Promise<void> {
  const probe = new HttpClient(2);
  for (const url of [`${intakeUrl}/health`, `${agencyUrl}/health`]) {
    const problem = await reachable(probe, url);
    if (problem) {
      console.error(
        `bench:system needs a running system: ${url} ${problem}.\n` +
          'Start one in another terminal with `npm start` (same DATABASE_URL; INTAKE_PORT/AGENCY_PORT or ' +
          'BENCH_INTAKE_URL/BENCH_AGENCY_URL if not on 3001/3003), then run `npm run bench:system` again.',
      );
      process.exit(1);
    }
  }
  const peer = await peerPath(probe);
  probe.close();
  const watch = await InboxWatch.open(databaseUrl, pollMs);
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const sampler = new CpuSampler({ root, database, kafkaPidFile });
  console.log(
    `bench:system — ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), Node ${process.version}, ` +
      `intake ${intakeUrl}, agency ${agencyUrl}, ${durationMs / 1000} s per step, inbox polled every ${pollMs} ms, ` +
      `grace ${graceMs / 1000} s; peer GET ${peer}; CPU sampled for: ${sampler.names.join(', ')}`,
  );

  const results: StepResult[] = [];
  for (const operators of operatorSteps) {
    const client = new HttpClient(operators);
    const token = await signIn(client);
    const auth = { authorization: `Bearer ${token}` };
    const peerResult = await closedLoop(operators, durationMs, async () => {
      const { status } = await client.send('GET', `${intakeUrl}${peer}`);
      return status === 200 || `HTTP ${status}`;
    });
    const profiled = operators === profiledStep;
    if (profiled) sampler.begin();
    const cpuStart = performance.now();
    const register = await closedLoop(operators, durationMs, async () => {
      const { status, body } = await client.send('POST', `${intakeUrl}/api/requests`, registration(), {
        ...auth,
        'idempotency-key': randomUUID(),
      });
      if (status !== 201) return `HTTP ${status}`;
      watch.accepted((JSON.parse(body) as { trackingCode: string }).trackingCode, performance.now());
      return true;
    });
    const cpu = profiled ? sampler.end() : undefined;
    const cpuWindowS = (performance.now() - cpuStart) / 1000;
    const waiting = watch.pendingCount;
    const lost = await watch.drain(graceMs);
    const arrivalsMs = watch.takeArrivals();
    client.close();
    results.push({ operators, peer: peerResult, register, arrivalsMs, lost, cpu, cpuWindowS });
    console.log(
      `  ${operators} operators (load average ${fmt(os.loadavg()[0], 2)}): ` +
        `${fmt(rate(register))} accepted/s (${register.latenciesMs.length}), ` +
        `${waiting} not yet in an inbox when the step ended, ${lost} never arrived; ` +
        `peer ${fmt(rate(peerResult))} req/s; failures: register ${failuresOf(register)}, peer ${failuresOf(peerResult)}`,
    );
  }
  await watch.close();

  console.log(
    `\n| operators | peer GET ${peer} req/s | peer p50 / p99 ms | registrations accepted/s | POST p50 / p99 ms ` +
      '| 201 → agency inbox p50 / p99 ms | never arrived |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.operators} | ${fmt(rate(r.peer), 0)} | ${fmt(percentile(r.peer.latenciesMs, 50))} / ` +
        `${fmt(percentile(r.peer.latenciesMs, 99))} | ${fmt(rate(r.register))} | ` +
        `${fmt(percentile(r.register.latenciesMs, 50))} / ${fmt(percentile(r.register.latenciesMs, 99))} | ` +
        `${fmt(percentile(r.arrivalsMs, 50), 0)} / ${fmt(percentile(r.arrivalsMs, 99), 0)} | ${r.lost} |`,
    );
  }
  const profiledResult = results.find((r) => r.cpu);
  if (profiledResult?.cpu) {
    const window = profiledResult.cpuWindowS ?? 1;
    console.log(
      `\nCPU during the ${profiledResult.operators}-operator registration step (${fmt(window)} s; ` +
        `${os.cpus().length} CPUs = ${fmt(window * os.cpus().length)} CPU-s available):`,
    );
    const sorted = [...profiledResult.cpu.entries()].sort((a, b) => b[1].cpuSeconds - a[1].cpuSeconds);
    for (const [name, use] of sorted) {
      console.log(
        `  ${name.padEnd(20)} ${fmt(use.cpuSeconds)} CPU-s (${fmt((100 * use.cpuSeconds) / window, 0)}% of one core); ` +
          `its threads waited ${fmt(use.runQueueWaitSeconds)} s in the run queue`,
      );
    }
  }
}

main().catch((error) => {
  console.error(`bench:system failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
