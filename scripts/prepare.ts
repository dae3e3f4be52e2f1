/**
 * Prepares PostgreSQL and Kafka for the services: creates the database if missing, runs every schema's
 * migrations, and creates the project's topics. `--fresh` drops the database first (tests only).
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ANSWERED_CALLS_RETENTION_MS, Topics } from '@samad/events';
import { loadAuditSigningKey, runEventStoreMigrations } from '@samad/event-store';
import { runPersonalDataMigrations } from '@samad/personal-data';
import { agencies } from '@samad/reference-data';
import {
  createKafka,
  ensureTopics,
  kafkaSecurityFromEnv,
  runAuthMigrations,
  runSchemaMigrations,
} from '@samad/service-kit';
import { intakeMigrations } from '../apps/intake/src/infrastructure/intake.migrations';
import { routingMigrations } from '../apps/routing/src/infrastructure/routing.migrations';
import { agencyMigrations } from '../apps/agency/src/infrastructure/agency.migrations';
import { reportingMigrations } from '../apps/reporting/src/infrastructure/reporting.migrations';
import { disableDemoUsers, seedDemoUsers } from '../apps/intake/src/login/demo-users';
import { topicRetention, type TopicRetention } from './topic-retention';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const partitions = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 6);
const fresh = process.argv.includes('--fresh');
// Demo sign-ins exist only when asked for: `npm start` and `npm test` ask; a production configuration never does.
const demoUsersWanted = process.env.SAMAD_DEMO_USERS === '1';

async function ensureDatabase(): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    console.error(
      `samad: PostgreSQL is not answering at ${url.host} (${(error as Error).message}); set DATABASE_URL`,
    );
    process.exit(1);
  }
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name}"`);
      console.log(`samad: created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

/** Local token signing keys (Ed25519) for intake's login; a province's identity provider replaces them. */
function ensureSigningKeys(): void {
  const dir = process.env.AUTH_KEYS_DIR ?? join(__dirname, '..', '..', '.local', 'auth');
  if (existsSync(join(dir, 'signing-key.pem'))) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(join(dir, 'signing-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
  });
  writeFileSync(join(dir, 'public-key.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  console.log(`samad: generated token signing keys in ${dir}`);
}

async function main(): Promise<void> {
  let retention: TopicRetention;
  try {
    retention = topicRetention(process.env);
  } catch (error) {
    console.error(`samad: ${(error as Error).message}`);
    process.exit(1);
  }
  // The demo users share a published password: never in production (the services refuse it too).
  if (demoUsersWanted && process.env.NODE_ENV === 'production') {
    console.error('samad: SAMAD_DEMO_USERS: must not be 1 with NODE_ENV=production');
    process.exit(78);
  }
  ensureSigningKeys();
  // The checkpoint signing key too, before any service or test worker would race to make it (ADR 30).
  loadAuditSigningKey();
  await ensureDatabase();
  await runEventStoreMigrations(databaseUrl);
  console.log('samad: event store migrated');
  await runPersonalDataMigrations(databaseUrl);
  console.log('samad: personal-data vault migrated');
  await runAuthMigrations(databaseUrl);
  console.log('samad: auth schema migrated (deny-list, sessions, sign-in failures)');
  const schemas = {
    intake: intakeMigrations,
    routing: routingMigrations,
    agency: agencyMigrations,
    reporting: reportingMigrations,
  };
  for (const [schema, migrations] of Object.entries(schemas)) {
    const applied = await runSchemaMigrations(databaseUrl, schema, migrations);
    console.log(
      `samad: schema ${schema} migrated${applied.length ? ` (${applied.join(', ')})` : ' (up to date)'}`,
    );
  }
  await prepareDemoUsers();
  const retained = (ms: string) => [{ name: 'retention.ms', value: ms }];
  // Topics are created on the same (possibly TLS/SASL-secured) cluster the services use.
  const kafka = createKafka({
    kafkaBrokers: brokers,
    kafkaClientId: 'samad-prepare',
    kafkaSecurity: kafkaSecurityFromEnv(),
  });
  const topics = await ensureTopics(kafka, [
    { topic: Topics.requestEvents, numPartitions: partitions, configEntries: retained(retention.topicsMs) },
    { topic: Topics.deadLetter, numPartitions: 1, configEntries: retained(retention.deadLetterMs) },
    // One partition keeps checkpoints in order; never deleted, they are the auditors' anchor (ADR 0030).
    { topic: Topics.auditCheckpoints, numPartitions: 1, configEntries: retained('-1') },
    // Answered calls carry a caller's mobile: gone within minutes, segments rolled as often (ADR 0045).
    {
      topic: Topics.answeredCalls,
      numPartitions: 1,
      configEntries: [
        ...retained(String(ANSWERED_CALLS_RETENTION_MS)),
        { name: 'segment.ms', value: String(ANSWERED_CALLS_RETENTION_MS) },
      ],
    },
    // Each agency's own stream of its requests, for its own systems to consume.
    ...agencies.map((a) => ({
      topic: Topics.agency(a.code),
      numPartitions: Math.min(partitions, 3),
      configEntries: retained(retention.topicsMs),
    })),
  ]);
  if (topics.reconfigured.length > 0) {
    console.log(`samad: retention.ms updated on ${topics.reconfigured.join(', ')}`);
  }
  console.log(
    `samad: Kafka topics ready on ${brokers.join(',')} (retention ${retention.topicsMs} ms, ` +
      `dead letters ${retention.deadLetterMs} ms)`,
  );
}

async function prepareDemoUsers(): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (demoUsersWanted) {
      const count = await seedDemoUsers(client);
      console.log(`samad: ${count} demo users ready (password samad-demo; SAMAD_DEMO_USERS=1)`);
    } else {
      const disabled = await disableDemoUsers(client);
      if (disabled > 0) console.log(`samad: disabled ${disabled} demo users (SAMAD_DEMO_USERS is not 1)`);
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(`samad: prepare failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
