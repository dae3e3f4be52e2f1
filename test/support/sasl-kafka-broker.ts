import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
  type AclEntry,
  type KafkaConfig,
} from 'kafkajs';
import { parseAllDocuments } from 'yaml';
import { repoRoot, testEnv, waitFor } from './environment';

const run = promisify(execFile);
const admin = { username: 'admin', password: `admin-${randomBytes(8).toString('hex')}` };

/**
 * A second real broker for the tests that need Kafka security (ACLs, SCRAM): infra/local/kafka.sh in
 * KAFKA_SASL=1 mode, on its own port (SAMAD_SASL_KAFKA_PORT, default the test broker's port + 50) and data
 * dir, so the run's normal broker is untouched. Each start is fresh: users and ACLs are the test's own.
 */
export class SaslKafkaBroker {
  readonly port = Number(process.env.SAMAD_SASL_KAFKA_PORT ?? Number(testEnv.kafkaPort) + 50);
  readonly brokers = [`127.0.0.1:${this.port}`];
  private readonly dataDir = `${repoRoot}/.local/kafka-sasl-${this.port}`;

  /** The SCRAM users of the broker's KafkaUser manifests, by name, with the passwords made for this run. */
  readonly users = new Map<string, { username: string; password: string }>();

  private script(action: 'start' | 'stop', fresh = false): Promise<unknown> {
    return run('bash', [`${repoRoot}/infra/local/kafka.sh`, action], {
      env: {
        ...process.env,
        KAFKA_PORT: String(this.port),
        KAFKA_CONTROLLER_PORT: String(this.port + 1),
        KAFKA_DATA_DIR: this.dataDir,
        KAFKA_SASL: '1',
        KAFKA_SASL_ADMIN_USER: admin.username,
        KAFKA_SASL_ADMIN_PASSWORD: admin.password,
        KAFKA_SASL_USERS: [...this.users.values()].map((u) => `${u.username}=${u.password}`).join(' '),
        KAFKA_FRESH: fresh ? '1' : '0',
      },
      timeout: 300000,
    });
  }

  /**
   * A fresh broker with the KafkaUsers of the manifests (under infra/k8s/base/kafka) as Strimzi's user
   * operator makes them: a SCRAM-SHA-512 password each (written when the storage is formatted, one JVM for
   * all) and the ACLs of `spec.authorization`, created through the Admin API.
   */
  async start(manifests: readonly string[] = []): Promise<void> {
    const kafkaUsers = manifests.flatMap(strimziKafkaUsers);
    for (const user of kafkaUsers)
      this.users.set(user.name, { username: user.name, password: randomBytes(12).toString('hex') });
    await this.script('start', true);
    if (kafkaUsers.length === 0) return;
    const client = this.kafka('samad-test-sasl-admin').admin();
    await client.connect();
    try {
      await client.createAcls({ acl: kafkaUsers.flatMap(aclEntriesOf) });
    } finally {
      await client.disconnect();
    }
  }

  /**
   * Waits until a consumer group of the super user can read `topic` (which must hold a message): the first
   * group creates __consumer_offsets, and until then every consumer's FindCoordinator fails.
   */
  async waitForGroupCoordinator(topic: string): Promise<void> {
    const kafka = this.kafka('samad-test-warm-up');
    await waitFor(
      '__consumer_offsets',
      async () => {
        const consumer = kafka.consumer({
          groupId: `samad-warm-up-${randomBytes(4).toString('hex')}`,
          retry: { retries: 2, restartOnFailure: async () => false },
        });
        try {
          await consumer.connect();
          await consumer.subscribe({ topics: [topic], fromBeginning: true });
          return await new Promise<true | undefined>((resolve) => {
            consumer.on(consumer.events.CRASH, () => resolve(undefined));
            void consumer.run({ eachMessage: async () => resolve(true) });
          });
        } finally {
          await consumer.disconnect().catch(() => undefined);
        }
      },
      { timeoutMs: 90000, intervalMs: 500 },
    );
  }

  async stop(): Promise<void> {
    await this.script('stop');
  }

  user(name: string): { username: string; password: string } {
    const user = this.users.get(name);
    if (!user) throw new Error(`no KafkaUser ${name} on this broker`);
    return user;
  }

  /** kafkajs settings for a client signing in as `user` with SCRAM-SHA-512 (the super user by default). */
  clientConfig(clientId: string, user = admin): KafkaConfig {
    return {
      clientId,
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
      sasl: { mechanism: 'scram-sha-512', username: user.username, password: user.password },
      retry: { retries: 2 },
    };
  }

  kafka(clientId: string, user = admin): Kafka {
    return new Kafka(this.clientConfig(clientId, user));
  }

  async createTopics(topics: readonly string[]): Promise<void> {
    const client = this.kafka('samad-test-sasl-admin').admin();
    await client.connect();
    try {
      await client.createTopics({ topics: topics.map((topic) => ({ topic })), waitForLeaders: true });
    } finally {
      await client.disconnect();
    }
  }
}

export interface StrimziAcl {
  resource: { type: 'topic' | 'group' | 'cluster' | 'transactionalId'; name?: string; patternType?: string };
  operations: string[];
  host?: string;
  type?: 'allow' | 'deny';
}

export interface StrimziKafkaUser {
  name: string;
  acls: StrimziAcl[];
}

/** The KafkaUser documents of a manifest under infra/k8s/base/kafka. */
export function strimziKafkaUsers(manifest: string): StrimziKafkaUser[] {
  const text = readFileSync(`${repoRoot}/infra/k8s/base/kafka/${manifest}`, 'utf8');
  return parseAllDocuments(text)
    .map(
      (doc) =>
        doc.toJSON() as {
          kind: string;
          metadata: { name: string };
          spec: { authorization?: { acls?: StrimziAcl[] } };
        },
    )
    .filter((doc) => doc?.kind === 'KafkaUser')
    .map((doc) => ({ name: doc.metadata.name, acls: doc.spec.authorization?.acls ?? [] }));
}

const resourceTypes = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
  cluster: AclResourceTypes.CLUSTER,
  transactionalId: AclResourceTypes.TRANSACTIONAL_ID,
} as const;

const operationOf = (operation: string): AclOperationTypes => {
  // Strimzi spells them Read, Describe, IdempotentWrite…; the protocol's enum is READ, DESCRIBE, IDEMPOTENT_WRITE…
  const name = operation.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() as keyof typeof AclOperationTypes;
  const value = AclOperationTypes[name];
  if (value === undefined) throw new Error(`unknown ACL operation ${operation}`);
  return value;
};

/** Strimzi `simple` authorization → the ACL bindings its user operator creates for `User:<name>`. */
export function aclEntriesOf(user: StrimziKafkaUser): AclEntry[] {
  return user.acls.flatMap((acl) =>
    acl.operations.map((operation) => ({
      resourceType: resourceTypes[acl.resource.type],
      resourceName: acl.resource.type === 'cluster' ? 'kafka-cluster' : (acl.resource.name ?? '*'),
      resourcePatternType:
        acl.resource.patternType === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
      principal: `User:${user.name}`,
      host: acl.host ?? '*',
      operation: operationOf(operation),
      permissionType: acl.type === 'deny' ? AclPermissionTypes.DENY : AclPermissionTypes.ALLOW,
    })),
  );
}
