import { randomBytes } from 'node:crypto';
import { hashPassword } from '../src/login/password-hash';
import { DEMO_PASSWORD } from '../src/login/demo-users';
import { startIntake, type IntakeUnderTest } from './intake-test-kit';

// The demo users' rows exist (prepare seeds them with SAMAD_DEMO_USERS=1); production must still refuse them.
describe('sign-in under NODE_ENV=production', () => {
  let intake: IntakeUnderTest;
  const clerk = `clerk-${randomBytes(4).toString('hex')}`;
  const clerkPassword = randomBytes(12).toString('base64url');

  const login = (username: string, password: string): Promise<Response> =>
    fetch(`${intake.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  beforeAll(async () => {
    intake = await startIntake({
      NODE_ENV: 'production',
      PERSONAL_DATA_SECRET: randomBytes(32).toString('base64url'),
    });
    await intake.dataSource.query(
      `INSERT INTO intake.users (username, password_hash, role, agency_code, disabled)
       VALUES ($1, $2, 'operator', NULL, false)`,
      [clerk, await hashPassword(clerkPassword)],
    );
  });

  afterAll(async () => {
    await intake.dataSource.query(`DELETE FROM intake.users WHERE username = $1`, [clerk]);
    await intake.close();
  });

  it('refuses a demo user whose enabled row exists, as it refuses a wrong password', async () => {
    const [row] = (await intake.dataSource.query(
      `SELECT disabled FROM intake.users WHERE username = 'supervisor1'`,
    )) as { disabled: boolean }[];
    expect(row).toEqual({ disabled: false });
    const res = await login('supervisor1', DEMO_PASSWORD);
    expect(res.status).toBe(401);
    expect(await res.json()).not.toHaveProperty('accessToken');
  });

  it('signs in a real user', async () => {
    const res = await login(clerk, clerkPassword);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'operator', accessToken: expect.any(String) });
  });
});
