// Least privilege is only real if the services work under it: each service's own event-store work (sealing
// on append, opening on read, through the citizen key vault) run as a login role in its service role, on a
// database granted and migrated as the cluster's is (ADR 0033). Routing folds registrations and seals the
// free text it writes (due-time reasons, directives' instructions), so it must reach the citizens' keys.
import { Client } from 'pg';
import type { EventStore } from '@samad/event-store';
import { personalDataKeysFromEnv } from '@samad/personal-data';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import { requestStreamName, trackingCodeFromNumber, type RegisteredRequest } from '@samad/request-lifecycle';
import { createCitizenKeyVault, createProtectedEventStore } from '@samad/service-kit';
import { citizen } from '../support/request-flow';
import {
  createRolesDatabase,
  SERVICE_ROLES,
  type RolesDatabase,
  type ServiceRole,
} from '../support/roles-database';

describe('each service’s event-store work, run under its own database role', () => {
  let db: RolesDatabase;
  const logins = new Map<ServiceRole, string>();
  const stores: EventStore[] = [];
  const trackingCode = trackingCodeFromNumber(100_000_000 + Math.floor(Math.random() * 800_000_000));
  const now = new Date();

  beforeAll(async () => {
    db = await createRolesDatabase('svcroles');
    // As CloudNativePG's managed roles do: a login that holds the service role's rights and nothing more.
    for (const role of SERVICE_ROLES) {
      const login = `${role}_login_${process.pid}`;
      await db.superuser.query(`DROP ROLE IF EXISTS ${login}`);
      await db.superuser.query(`CREATE ROLE ${login} LOGIN INHERIT IN ROLE ${role}`);
      logins.set(role, login);
    }
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    for (const login of logins.values()) await db?.superuser.query(`DROP ROLE IF EXISTS ${login}`);
    await db?.drop();
  });

  const storeAs = (role: ServiceRole): EventStore => {
    const url = db.urlAs(logins.get(role));
    const store = createProtectedEventStore(
      { kind: 'postgres', connectionString: url },
      `samad-test-${role}`,
      createCitizenKeyVault(url, `samad-test-${role}`, personalDataKeysFromEnv()),
    );
    stores.push(store);
    return store;
  };

  it('intake registers a citizen’s request: keys made, citizen and description sealed', async () => {
    await handleRequestCommand(
      storeAs('samad_intake'),
      {
        type: 'RegisterRequest',
        data: {
          trackingCode,
          now,
          kind: 'complaint',
          channel: 'phone',
          collective: false,
          citizens: [citizen],
          countyCode: 'BND',
          categoryCode: 'WAT-CUT',
          description: 'سه روز است که آب محله قطع است',
          registeredBy: 'operator-7',
        },
      },
      { actor: { id: 'operator-7', role: 'operator' } },
    );
    const stored = await db.superuser.query(
      `SELECT data::text FROM event_store.events WHERE event_type = 'RequestRegistered'`,
    );
    expect(stored.rows[0].data).not.toContain(citizen.nationalCode);
  });

  it('routing folds the registration, routes, and sets a due time with a sealed reason', async () => {
    const routing = storeAs('samad_routing');
    const loaded = await loadRequest(routing, trackingCode);
    expect((loaded.state as RegisteredRequest).categoryCode).toBe('WAT-CUT');
    const routed = await handleRequestCommand(
      routing,
      {
        type: 'RouteToAgency',
        data: {
          trackingCode,
          now,
          agencyCode: 'ABFA',
          dueAt: new Date(now.getTime() + 3 * 86_400_000),
          routedBy: 'rules',
          ruleId: '1',
        },
      },
      { actor: { id: 'routing-rules', role: 'system' } },
    );
    expect(routed.appended.map((e) => e.type)).toEqual(['RequestRoutedToAgency']);
    const reason = 'به دستور استاندار زودتر';
    await handleRequestCommand(
      routing,
      {
        type: 'SetDueTime',
        data: {
          trackingCode,
          now,
          dueAt: new Date(now.getTime() + 86_400_000),
          reason,
          setBy: 'supervisor-1',
        },
      },
      { actor: { id: 'supervisor-1', role: 'supervisor' } },
    );
    const stored = await db.superuser.query(
      `SELECT data::text FROM event_store.events WHERE event_type = 'DueTimeSet'`,
    );
    expect(stored.rows[0].data).not.toContain(reason);
  });

  it('the agency reads the reason in clear and answers with sealed text', async () => {
    const agency = storeAs('samad_agency');
    const text = 'لوله‌ی اصلی تعمیر شد';
    await handleRequestCommand(
      agency,
      { type: 'Answer', data: { trackingCode, now, agencyCode: 'ABFA', outcome: 'positive', text } },
      { actor: { id: 'abfa-staff-1', role: 'agency_staff' } },
    );
    const events = await agency.readStream(requestStreamName(trackingCode));
    expect(events.map((e) => e.type)).toEqual([
      'RequestRegistered',
      'RequestRoutedToAgency',
      'DueTimeSet',
      'RequestAcknowledged',
      'RequestAnswered',
    ]);
    expect(events.find((e) => e.type === 'DueTimeSet')?.data).toMatchObject({
      reason: 'به دستور استاندار زودتر',
    });
  });

  it('reporting reads the whole trail opened, and cannot append to it', async () => {
    const reporting = storeAs('samad_reporting');
    const events = await reporting.readStream(requestStreamName(trackingCode));
    expect(events[0].data).toMatchObject({ citizens: [expect.objectContaining({ mobile: citizen.mobile })] });
    expect(events.find((e) => e.type === 'RequestAnswered')?.data).toMatchObject({
      text: 'لوله‌ی اصلی تعمیر شد',
    });
    await expect(
      reporting.appendToStream(requestStreamName(trackingCode), [{ type: 'Forged', data: {} }]),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('no service’s login can read another service’s schema', async () => {
    const routing = new Client({ connectionString: db.urlAs(logins.get('samad_routing')) });
    await routing.connect();
    try {
      await expect(routing.query('SELECT * FROM intake.request_index')).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await routing.end();
    }
  });
});
