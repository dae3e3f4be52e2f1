import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { kafkaClientSecurity, type KafkaSecurity } from '../kafka/kafka-security';

export type ProbeResult = { status: 'up' } | { status: 'down'; error: string };

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });

/** A fresh admin connection per probe, so a broker that comes back is seen at once. */
export async function probeKafka(
  brokers: string[],
  security: KafkaSecurity = {},
  timeoutMs = 3000,
): Promise<ProbeResult> {
  const kafka = new Kafka({
    clientId: 'samad-health',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    ...kafkaClientSecurity(security),
  });
  const admin = kafka.admin();
  try {
    await withTimeout(
      admin.connect().then(() => admin.describeCluster()),
      timeoutMs,
      'Kafka',
    );
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function probePostgres(databaseUrl: string, timeoutMs = 3000): Promise<ProbeResult> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await withTimeout(
      client.connect().then(() => client.query('SELECT 1')),
      timeoutMs,
      'PostgreSQL',
    );
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}
