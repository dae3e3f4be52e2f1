import { randomBytes, randomInt } from 'node:crypto';
import { bearer } from '../../../test/support/auth';
import { startIntake, waitFor, type IntakeUnderTest } from './intake-test-kit';

// The administrator's users of the local identity store (ADR 48), over HTTP on the real database. The
// database is shared with every other file: each run's users carry a random prefix and are deleted after.
describe('the administrator manages the local identity store’s users', () => {
  let intake: IntakeUnderTest;
  const prefix = `it.${randomBytes(4).toString('hex')}`;
  const name = (suffix: string) => `${prefix}.${suffix}`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  // A client address of this run's own (intake believes one proxy hop), so no other file's counters mix in.
  const clientAddress = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  let admin: Record<string, string>;

  const call = async (
    method: string,
    path: string,
    { headers = admin, body }: { headers?: Record<string, string>; body?: unknown } = {},
  ) => {
    const res = await fetch(`${intake.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as any, text };
  };
  const signIn = (username: string, pw = password) =>
    call('POST', '/api/auth/login', { headers: {}, body: { username, password: pw } });
  const refresh = (refreshToken: string) =>
    call('POST', '/api/auth/refresh', { headers: {}, body: { refreshToken } });
  const create = (body: Record<string, unknown>) => call('POST', '/api/admin/users', { body });
  const change = (username: string, body: Record<string, unknown>, headers = admin) =>
    call('PATCH', `/api/admin/users/${username}`, { body, headers });
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    intake = await startIntake({ TRUST_PROXY_HOPS: '1' });
    // A signed administrator of this run (the token's subject names no stored user).
    admin = await bearer('admin', { sub: name('root') });
  });

  afterAll(async () => {
    await intake.dataSource.query(`DELETE FROM auth.login_failures WHERE username LIKE $1`, [`${prefix}.%`]);
    await intake.dataSource.query(`DELETE FROM intake.users WHERE username LIKE $1`, [`${prefix}.%`]);
    await intake.close();
  });

  it('creates users, lists them by page with the total and filters, and never answers a hash', async () => {
    const staff = await create({
      username: name('staff'),
      role: 'agency_staff',
      agencyCode: 'abfa',
      password,
    });
    expect(staff.status).toBe(201);
    expect(staff.body).toMatchObject({
      username: name('staff'),
      role: 'agency_staff',
      agency: { code: 'ABFA', nameFa: expect.any(String) },
      extension: null,
      disabled: false,
      locked: false,
      createdBy: name('root'),
    });
    expect(
      (await create({ username: name('op'), role: 'operator', extension: '9' + randomInt(1e6), password }))
        .status,
    ).toBe(201);
    expect((await create({ username: name('sup'), role: 'supervisor', password })).status).toBe(201);

    const first = await call('GET', `/api/admin/users?q=${prefix}&pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items.map((u: { username: string }) => u.username)).toEqual([
      name('op'),
      name('staff'),
    ]);
    const second = await call('GET', `/api/admin/users?q=${prefix}&pageSize=2&page=2`);
    expect(second.body).toMatchObject({ total: 3, page: 2, items: [{ username: name('sup') }] });
    const beyond = await call('GET', `/api/admin/users?q=${prefix}&pageSize=2&page=5`);
    expect(beyond.body).toMatchObject({ total: 3, items: [] });
    for (const page of [first, second]) expect(page.text).not.toMatch(/scrypt|password/i);

    const abfaStaff = await call('GET', `/api/admin/users?q=${prefix}&role=agency_staff&agency=ABFA`);
    expect(abfaStaff.body).toMatchObject({ total: 1, items: [{ username: name('staff') }] });
    const bargh = await call('GET', `/api/admin/users?q=${prefix}&agency=BARGH`);
    expect(bargh.body.total).toBe(0);
    const badFilter = await call('GET', '/api/admin/users?role=citizen&agency=NOPE');
    expect(badFilter.status).toBe(400);
    expect(fieldsOf(badFilter.body).sort()).toEqual(['agency', 'role']);
  });

  it('lets the new user sign in with the initial password', async () => {
    const signedIn = await signIn(name('staff'));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ role: 'agency_staff', agencyCode: 'ABFA' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a username with capitals and spaces', { username: 'Ali Reza', role: 'supervisor' }, 'username'],
    ['a two-letter username', { username: 'ab', role: 'supervisor' }, 'username'],
    ['agency staff without an agency', { username: name('x1'), role: 'agency_staff' }, 'agencyCode'],
    ['an unknown agency', { username: name('x2'), role: 'agency_staff', agencyCode: 'NOPE' }, 'agencyCode'],
    [
      'an agency for a supervisor',
      { username: name('x3'), role: 'supervisor', agencyCode: 'ABFA' },
      'agencyCode',
    ],
    [
      'an extension for a supervisor',
      { username: name('x4'), role: 'supervisor', extension: '301' },
      'extension',
    ],
    ['an unknown role', { username: name('x5'), role: 'citizen' }, 'role'],
    ['a short password', { username: name('x6'), role: 'supervisor', password: 'short' }, 'password'],
  ])('refuses %s with INVALID_INPUT naming the field, and creates nothing', async (_, body, field) => {
    const res = await create({ password, ...body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_INPUT');
    expect(fieldsOf(res.body)).toContain(field);
    const [{ n }] = (await intake.dataSource.query(
      `SELECT count(*)::int AS n FROM intake.users WHERE username = lower($1)`,
      [String(body.username)],
    )) as { n: number }[];
    expect(n).toBe(0);
  });

  it('names every bad field at once, the rules between fields included', async () => {
    const res = await create({ username: 'Ali Reza', role: 'agency_staff', extension: '12', password: 'x' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).sort()).toEqual(['agencyCode', 'extension', 'password', 'username']);
  });

  it('answers 409 USERNAME_TAKEN for an existing username, and leaves it as it was', async () => {
    const again = await create({ username: name('sup'), role: 'auditor', password: `${password}-2` });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('USERNAME_TAKEN');
    expect((await signIn(name('sup'))).body.role).toBe('supervisor');
    const operator = (await call('GET', `/api/admin/users?q=${name('op')}`)).body.items[0] as {
      extension: string;
    };
    const sameLine = await create({
      username: name('op2'),
      role: 'operator',
      extension: operator.extension,
      password,
    });
    expect(sameLine.status).toBe(409);
    expect(sameLine.body.code).toBe('EXTENSION_TAKEN');
  });

  it('refuses every other role, and answers 404 for an unknown user', async () => {
    for (const role of ['operator', 'supervisor', 'auditor'] as const) {
      const headers = await bearer(role);
      expect((await call('GET', '/api/admin/users', { headers })).status).toBe(403);
      const refused = await call('POST', '/api/admin/users', {
        headers,
        body: { username: name(`by-${role}`), role: 'admin', password },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect((await change(name('sup'), { disabled: true }, headers)).status).toBe(403);
      expect(
        (await call('POST', `/api/admin/users/${name('sup')}/password`, { headers, body: { password } }))
          .status,
      ).toBe(403);
    }
    expect((await call('GET', '/api/admin/users', { headers: {} })).status).toBe(401);
    const unknown = await change(name('nobody'), { disabled: true });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
  });

  it('ends the sessions of a user it disables, and refuses their sign-in', async () => {
    const session = (await signIn(name('op'))).body as { accessToken: string; refreshToken: string };
    const asOperator = { authorization: `Bearer ${session.accessToken}` };
    expect((await call('GET', '/api/catalog', { headers: asOperator })).status).toBe(200);

    const disabled = await change(name('op'), { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({
      disabled: true,
      changedBy: name('root'),
      changedAt: expect.any(String),
    });
    expect((await refresh(session.refreshToken)).status).toBe(401);
    // The access token is refused too, by every replica within AUTH_REVOCATION_CACHE_MS.
    await waitFor('the disabled user’s access token refused', async () =>
      (await call('GET', '/api/catalog', { headers: asOperator })).status === 401 ? true : undefined,
    );
    expect((await signIn(name('op'))).status).toBe(401);

    const enabled = await change(name('op'), { disabled: false });
    expect(enabled.body.disabled).toBe(false);
    expect((await signIn(name('op'))).status).toBe(200);
  });

  it('ends the sessions of a user whose role or agency changes, and checks the new standing', async () => {
    const session = (await signIn(name('staff'))).body as { refreshToken: string };
    const noAgency = await change(name('staff'), { role: 'supervisor' });
    expect(noAgency.status).toBe(400);
    expect(fieldsOf(noAgency.body)).toEqual(['agencyCode']);
    const rotated = await refresh(session.refreshToken);
    expect(rotated.status).toBe(200);

    const moved = await change(name('staff'), { role: 'agency_manager', agencyCode: 'BARGH' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ role: 'agency_manager', agency: { code: 'BARGH' } });
    expect((await refresh((rotated.body as { refreshToken: string }).refreshToken)).status).toBe(401);
    const latest = (await signIn(name('staff'))).body as { agencyCode: string; role: string };
    expect(latest).toMatchObject({ role: 'agency_manager', agencyCode: 'BARGH' });
  });

  it('sets a new password: the old one fails, the new one works, the sessions end', async () => {
    const session = (await signIn(name('sup'))).body as { refreshToken: string };
    const newPassword = `new-${randomBytes(9).toString('base64url')}`;
    const tooShort = await call('POST', `/api/admin/users/${name('sup')}/password`, {
      body: { password: 'x' },
    });
    expect(tooShort.status).toBe(400);
    expect(fieldsOf(tooShort.body)).toEqual(['password']);
    const set = await call('POST', `/api/admin/users/${name('sup')}/password`, {
      body: { password: newPassword },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ username: name('sup'), endedSessions: expect.any(Number) });
    expect(set.body.endedSessions).toBeGreaterThanOrEqual(1);
    expect((await refresh(session.refreshToken)).status).toBe(401);
    expect((await signIn(name('sup'))).status).toBe(401);
    expect((await signIn(name('sup'), newPassword)).status).toBe(200);
    const unknown = await call('POST', `/api/admin/users/${name('nobody')}/password`, { body: { password } });
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
  });

  it('says which users failed sign-ins lock out, until an unlock', async () => {
    // Failures as the throttle records them, far past the limit, so some client must wait minutes.
    await intake.dataSource.query(
      `INSERT INTO auth.login_failures (username, client_ip) SELECT $1, $2 FROM generate_series(1, 15)`,
      [name('sup'), clientAddress],
    );
    const locked = await call('GET', `/api/admin/users?q=${name('sup')}`);
    expect(locked.body.items).toEqual([expect.objectContaining({ locked: true, recentFailures: 15 })]);
    expect((await call('POST', `/api/admin/users/${name('sup')}/unlock`)).body.forgottenFailures).toBe(15);
    const unlocked = await call('GET', `/api/admin/users?q=${name('sup')}`);
    expect(unlocked.body.items).toEqual([expect.objectContaining({ locked: false, recentFailures: 0 })]);
  });

  it('keeps an administrator from disabling or demoting themself', async () => {
    expect((await create({ username: name('adm'), role: 'admin', password })).status).toBe(201);
    const own = (await signIn(name('adm'))).body as { accessToken: string; refreshToken: string };
    const asSelf = { authorization: `Bearer ${own.accessToken}` };
    for (const body of [{ disabled: true }, { role: 'auditor' }]) {
      const refused = await change(name('adm'), body, asSelf);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CANNOT_CHANGE_OWN_ACCESS');
    }
    expect((await signIn(name('adm'))).status).toBe(200);
    // Their own password: the session they call from goes on.
    const set = await call('POST', `/api/admin/users/${name('adm')}/password`, {
      headers: asSelf,
      body: { password: `${password}-own` },
    });
    expect(set.status).toBe(200);
    expect((await refresh(own.refreshToken)).status).toBe(200);
    // Another administrator may disable them.
    expect((await change(name('adm'), { disabled: true })).body.disabled).toBe(true);
  });
});
