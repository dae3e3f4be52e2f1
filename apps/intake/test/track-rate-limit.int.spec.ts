import { randomInt } from 'node:crypto';
import { trackingCodeFromNumber } from '@samad/request-lifecycle';
import {
  citizen,
  register,
  registrationBody,
  startIntake,
  type IntakeUnderTest,
  type Registered,
} from './intake-test-kit';

const limits = { perClient: 4, perCode: 3 };

// Two replicas on one database: the status lookup's limits are counted in PostgreSQL, not per process.
describe('status lookup limits shared by intake replicas', () => {
  let replicas: IntakeUnderTest[];
  const owner = citizen();
  let request: Registered;

  const address = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const unknownCode = (): string => trackingCodeFromNumber(100_000_000 + randomInt(800_000_000));
  const wrongDigits = (): string => (owner.mobile.slice(-4) === '0000' ? '1111' : '0000');
  /** A lookup on replica `n % 2` from a client address (the ingress's X-Forwarded-For). */
  const track = async (n: number, from: string, code: string, digits: string): Promise<number> => {
    const res = await fetch(`${replicas[n % 2].baseUrl}/api/track/${code}?mobileLast4=${digits}`, {
      headers: { 'x-forwarded-for': from },
    });
    await res.arrayBuffer();
    return res.status;
  };

  beforeAll(async () => {
    const env = {
      TRACK_RATE_LIMIT_PER_MINUTE: String(limits.perClient),
      TRACK_RATE_LIMIT_PER_CODE_PER_MINUTE: String(limits.perCode),
      TRUST_PROXY_HOPS: '1',
    };
    replicas = [await startIntake(env), await startIntake(env)];
    request = await register(replicas[0].baseUrl, registrationBody({ citizens: [owner] }));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('counts one client’s lookups on both replicas together', async () => {
    const from = address();
    const statuses: number[] = [];
    for (let n = 0; n <= limits.perClient; n += 1) statuses.push(await track(n, from, unknownCode(), '0000'));
    expect(statuses).toEqual([...Array<number>(limits.perClient).fill(404), 429]);
    expect(await track(1, address(), unknownCode(), '0000')).toBe(404);
  });

  it('knows a client by the address the ingress adds, whatever it put in front of it itself', async () => {
    const from = address();
    for (let n = 0; n < limits.perClient; n += 1)
      expect(await track(n, from, unknownCode(), '0000')).toBe(404);
    // A client that forges its own X-Forwarded-For gets its entry in front of the ingress's: still itself.
    expect(await track(0, `${address()}, ${from}`, unknownCode(), '0000')).toBe(429);
    expect(await track(1, `${address()}, ${address()}, ${from}`, unknownCode(), '0000')).toBe(429);
  });

  it('counts failed proofs against a code on both replicas, from any address', async () => {
    const code = unknownCode();
    const statuses: number[] = [];
    for (let n = 0; n <= limits.perCode; n += 1) statuses.push(await track(n, address(), code, '0000'));
    expect(statuses).toEqual([...Array<number>(limits.perCode).fill(404), 429]);
  });

  it('does not count a refused attempt against the code, so one client cannot lock a citizen out', async () => {
    const code = request.trackingCode;
    const attacker = address();
    // Two wrong guesses count against the code; then the attacker spends the rest of its own limit.
    expect(await track(0, attacker, code, wrongDigits())).toBe(404);
    expect(await track(1, attacker, code, wrongDigits())).toBe(404);
    for (let n = 2; n < limits.perClient; n += 1)
      expect(await track(n, attacker, unknownCode(), '0000')).toBe(404);
    // Everything else it sends is refused at its own limit and never reaches the code's count.
    for (let n = 0; n < 10; n += 1) expect(await track(n, attacker, code, wrongDigits())).toBe(429);
    // The owner still gets in, on either replica, and a successful proof costs the code nothing.
    for (let n = 0; n < 4; n += 1) expect(await track(n, address(), code, owner.mobile.slice(-4))).toBe(200);
    // One more real failure reaches the code's limit: from then on the code is closed to everyone.
    expect(await track(0, address(), code, wrongDigits())).toBe(404);
    expect(await track(1, address(), code, owner.mobile.slice(-4))).toBe(429);
  });
});
