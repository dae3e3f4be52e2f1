import type { Client } from 'pg';
import { personalDataKeysFromEnv } from '@samad/personal-data';
import { handleRequestCommand } from '@samad/request-application';
import { createCitizenKeyVault, createProtectedEventStore } from '@samad/service-kit';
import { trackingCodeForSequence } from '../../apps/intake/src/register-request/tracking-number';
import { testEnv } from './environment';
import { loadCitizen, registrationNo } from './registration-load';

/**
 * Registers requests straight into the event store, as intake's handler does (the same sealing store and
 * command handler, codes from intake's own sequence), many at once: a backlog in seconds instead of minutes.
 * Returns tracking code → the agency its rules name.
 */
export async function appendRegistrations(
  sql: Client,
  count: number,
  concurrency = 32,
): Promise<Map<string, string>> {
  const { rows } = await sql.query<{ n: string }>(
    `SELECT nextval('intake.tracking_number_seq')::text AS n FROM generate_series(1, $1)`,
    [count],
  );
  const store = createProtectedEventStore(
    { kind: 'postgres', connectionString: testEnv.databaseUrl },
    'samad-fault-suite',
    createCitizenKeyVault(testEnv.databaseUrl, 'samad-fault-suite', personalDataKeysFromEnv()),
  );
  const accepted = new Map<string, string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const trackingCode = trackingCodeForSequence(BigInt(rows[i].n));
      const { categoryCode, countyCode, agencyCode } = registrationNo(i);
      await handleRequestCommand(
        store,
        {
          type: 'RegisterRequest',
          data: {
            trackingCode,
            now: new Date(),
            kind: 'complaint',
            channel: 'phone',
            collective: false,
            citizens: [loadCitizen()],
            countyCode,
            categoryCode,
            description: `درخواست انباشته شماره ${i}`,
            registeredBy: 'operator1',
          },
        },
        { actor: { id: 'operator1', role: 'operator' }, correlationId: `fault-backlog-${trackingCode}` },
      );
      accepted.set(trackingCode, agencyCode);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await store.close();
  }
  return accepted;
}
