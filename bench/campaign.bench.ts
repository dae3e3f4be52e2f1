// The provincial-trip burst (issue #11 item 6): many desk operators at once registering campaign letters,
// each with a scanned letter attached, side by side with plain registrations in the same run. Nothing may
// be lost: every answered registration and file is counted back in SQL.
// Run: npm run bench:campaign against a running intake (npm start, SAMAD_DEMO_USERS=1).
// Env: BENCH_OPERATORS (800), BENCH_DURATION_S (15 per path), BENCH_ATTACHMENT_KB (200),
// INTAKE_PORT or BENCH_INTAKE_URL, DATABASE_URL.
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { nationalCodeCheckDigit, requestStreamName, tehranDateKey } from '@samad/request-lifecycle';
import { closedLoop, percentile, type LoopResult } from './system/closed-loop';
import { HttpClient } from './system/http-client';

const env = process.env;
const intakeUrl = env.BENCH_INTAKE_URL ?? `http://127.0.0.1:${env.INTAKE_PORT ?? 3001}`;
const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad';
const operators = Number(env.BENCH_OPERATORS ?? 800);
const durationMs = 1000 * Number(env.BENCH_DURATION_S ?? 15);
const attachmentBytes = 1024 * Number(env.BENCH_ATTACHMENT_KB ?? 200);
const COUNTIES = ['BND', 'MIN', 'QSM'];

const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');
function nationalCode(): string {
  for (;;) {
    const nine = digits(9);
    const code = `${nine}${nationalCodeCheckDigit(nine)}`;
    if (!/^(\d)\1{9}$/.test(code)) return code;
  }
}
const registration = (campaign?: object) => ({
  channel: campaign ? 'trip_letter' : 'phone',
  kind: 'demand',
  collective: false,
  citizens: [{ nationalCode: nationalCode(), fullName: 'زهرا کریمی', mobile: `0917${digits(7)}` }],
  countyCode: COUNTIES[randomInt(COUNTIES.length)],
  categoryCode: 'WAT-CUT',
  description: 'نامه‌ی مردمی در سفر استانی: قطعی مکرر آب شرب در محله',
  ...(campaign && { campaign }),
});
// A PDF-looking scan of the configured size (the type is read from its first bytes).
const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.max(0, attachmentBytes - 9), 0x20)]);

async function signIn(client: HttpClient, username: string): Promise<string> {
  const { status, body } = await client.send('POST', `${intakeUrl}/api/auth/login`, {
    username,
    password: 'samad-demo',
  });
  if (status !== 200)
    throw new Error(`sign-in as ${username} answered ${status} (SAMAD_DEMO_USERS=1?): ${body}`);
  return (JSON.parse(body) as { accessToken: string }).accessToken;
}

const report = (name: string, r: LoopResult, stored: number, answered: number): string => {
  const perSecond = r.latenciesMs.length / (r.elapsedMs / 1000);
  const failures = [...r.failures.entries()].map(([why, n]) => `${n}× ${why}`).join('; ') || 'none';
  return (
    `| ${name} | ${operators} | ${perSecond.toFixed(1)} | ${percentile(r.latenciesMs, 50).toFixed(0)} | ` +
    `${percentile(r.latenciesMs, 99).toFixed(0)} | ${answered} | ${stored} | ${failures} |`
  );
};

async function main(): Promise<void> {
  const client = new HttpClient(operators + 8);
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const operator = { authorization: `Bearer ${await signIn(client, 'operator1')}` };
  const supervisor = { authorization: `Bearer ${await signIn(client, 'supervisor1')}` };
  const today = tehranDateKey(new Date());
  const created = await client.send(
    'POST',
    `${intakeUrl}/api/campaigns`,
    { name: 'سفر استانی (سنجش)', countyCodes: COUNTIES, startsOn: today, endsOn: today, targetOn: today },
    supervisor,
  );
  if (created.status !== 201)
    throw new Error(`creating the campaign answered ${created.status}: ${created.body}`);
  const campaignId = (JSON.parse(created.body) as { id: string }).id;

  const plainCodes: string[] = [];
  const plain = await closedLoop(operators, durationMs, async () => {
    const { status, body } = await client.send('POST', `${intakeUrl}/api/requests`, registration(), operator);
    if (status !== 201) return `register ${status}`;
    plainCodes.push((JSON.parse(body) as { trackingCode: string }).trackingCode);
    return true;
  });

  const letterCodes: string[] = [];
  let letterNumber = 0;
  const letters = await closedLoop(operators, durationMs, async () => {
    const letter = { id: campaignId, letterNumber: `${++letterNumber}/س`, letterDate: today };
    const registered = await client.send('POST', `${intakeUrl}/api/requests`, registration(letter), operator);
    if (registered.status !== 201) return `register ${registered.status}`;
    const { trackingCode } = JSON.parse(registered.body) as { trackingCode: string };
    const attached = await client.send(
      'POST',
      `${intakeUrl}/api/requests/${trackingCode}/attachments`,
      scan,
      {
        ...operator,
        'content-type': 'application/pdf',
      },
    );
    if (attached.status !== 201) return `attach ${attached.status}`;
    letterCodes.push(trackingCode);
    return true;
  });

  // Nothing lost: every answered registration is in the store, every answered file in the table.
  const count = async (query: string, params: unknown[]): Promise<number> =>
    Number((await sql.query<{ n: string }>(query, params)).rows[0].n);
  const registeredIn = (codes: string[]) =>
    count(
      `SELECT count(*) AS n FROM event_store.events WHERE event_type = 'RequestRegistered' AND stream_id = ANY($1)`,
      [codes.map(requestStreamName)],
    );
  const plainStored = await registeredIn(plainCodes);
  const lettersStored = await count(
    `SELECT count(*) AS n FROM event_store.events
      WHERE event_type = 'RequestRegistered' AND data->'campaign'->>'campaignId' = $1`,
    [campaignId],
  );
  const filesStored = await count(
    `SELECT count(DISTINCT tracking_code) AS n FROM personal_data.attachments WHERE tracking_code = ANY($1)`,
    [letterCodes],
  );

  console.log(
    `campaign burst: ${operators} operators, ${durationMs / 1000} s per path, ${attachmentBytes} B per scan`,
  );
  console.log('| path | operators | completed/s | p50 ms | p99 ms | answered 201 | rows in SQL | failures |');
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(report('plain registration', plain, plainStored, plainCodes.length));
  console.log(
    report('campaign letter + scan', letters, Math.min(lettersStored, filesStored), letterCodes.length),
  );
  const lost = plainCodes.length - plainStored + (letterCodes.length - Math.min(lettersStored, filesStored));
  console.log(lost === 0 ? 'nothing lost' : `LOST: ${lost} answered registrations or files not in SQL`);
  client.close();
  await sql.end();
  if (lost !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
