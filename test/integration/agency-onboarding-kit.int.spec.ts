// Issue #15 item 7: the agency onboarding kit. The AsyncAPI document the agency service serves is valid for the
// official parser; the two example consumers (examples/agency-consumer) connect to a SASL/SCRAM broker as their
// agency's KafkaUser, handle every message type once even when redelivered, and answer through the real agency API.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Parser } from '@asyncapi/parser';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { samadAsyncApiDocument, Topics } from '@samad/events';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import {
  inMemoryProcessedMessages,
  startAgencyConsumer,
  type AgencyMessage,
} from '../../examples/agency-consumer/typescript/agency-consumer';
import { tokenFor } from '../support/auth';
import { repoRoot, testEnv, waitFor } from '../support/environment';
import { requestJson } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { RequestFlow } from '../support/request-flow';
import { SaslKafkaBroker } from '../support/sasl-kafka-broker';

jest.setTimeout(180000);

const javaDir = join(repoRoot, 'examples', 'agency-consumer', 'java');

/** mvn offline when ~/.m2 has everything (the usual case), else once online from Maven Central. */
async function buildJavaExample(): Promise<string> {
  const args = [
    '-q',
    '-B',
    'compile',
    'dependency:build-classpath',
    '-Dmdep.outputFile=target/classpath.txt',
  ];
  const mvn = (extra: string[]) =>
    promisify(execFile)('mvn', [...extra, ...args], { cwd: javaDir, timeout: 240000 });
  await mvn(['-o']).catch(() => mvn([]));
  return `${javaDir}/target/classes:${readFileSync(`${javaDir}/target/classpath.txt`, 'utf8').trim()}`;
}

describe('agency onboarding kit', () => {
  const broker = new SaslKafkaBroker();
  const agencyTopic = Topics.agency('ABFA');
  let flow: RequestFlow;
  let routing: InProcessService;
  let agency: InProcessService;
  let javaClassPath: Promise<string>;
  // The test is the relay towards the SASL broker: each agency message Samad publishes is forwarded twice.
  let mirror: Consumer;
  let forward: Producer;
  const forwarded = new Map<string, AgencyMessage[]>();

  beforeAll(async () => {
    javaClassPath = buildJavaExample();
    javaClassPath.catch(() => undefined);
    await Promise.all([
      broker.start(['users-agencies.yaml']).then(() => broker.createTopics([agencyTopic])),
      (async () => {
        flow = await RequestFlow.start();
        routing = await startInProcess('routing', (config) => RoutingModule.register(config));
        agency = await startInProcess('agency', (config) => AgencyModule.register(config));
      })(),
    ]);
    forward = broker.kafka('samad-test-agency-relay').producer();
    await forward.connect();
    const mainKafka = new Kafka({
      clientId: 'samad-test-mirror',
      brokers: testEnv.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    // Only what Samad publishes from now on: earlier test files filled ABFA's topic with requests long settled.
    const admin = mainKafka.admin();
    await admin.connect();
    const startAt = new Map(
      (await admin.fetchTopicOffsets(agencyTopic)).map((p) => [p.partition, BigInt(p.high)]),
    );
    await admin.disconnect();
    mirror = mainKafka.consumer({ groupId: `samad-test-mirror-${randomUUID()}` });
    await mirror.connect();
    await mirror.subscribe({ topics: [agencyTopic], fromBeginning: true });
    await mirror.run({
      eachMessage: async ({ partition, message }) => {
        if (BigInt(message.offset) < (startAt.get(partition) ?? 0n)) return;
        const key = message.key?.toString() ?? '';
        const value = message.value?.toString() ?? '';
        const parsed = JSON.parse(value) as AgencyMessage;
        // Redelivery, as after a consumer's crash before its commit: the same record twice.
        await forward.send({
          topic: agencyTopic,
          messages: [
            { key, value },
            { key, value },
          ],
        });
        forwarded.set(parsed.data.trackingCode, [...(forwarded.get(parsed.data.trackingCode) ?? []), parsed]);
      },
    });
    // A warm-up message so the first consumer group can create __consumer_offsets.
    await forward.send({
      topic: agencyTopic,
      messages: [
        { key: 'warm-up', value: JSON.stringify({ eventId: 'warm-up', eventType: 'warm-up', data: {} }) },
      ],
    });
    await broker.waitForGroupCoordinator(agencyTopic);
  }, 420000);

  afterAll(async () => {
    await mirror?.disconnect();
    await forward?.disconnect();
    await agency?.close();
    await routing?.close();
    await flow?.close();
    await broker.stop();
  });

  const abfaUser = () => broker.user('agency-abfa');
  const agencyToken = () => tokenFor('agency_system', { agency: 'ABFA', sub: 'abfa-system' });

  /** A request routed to ABFA whose answer the consumer must give; resolves once Samad relayed its assignment. */
  const routedRequest = async (): Promise<string> => {
    const code = await flow.register('WAT-CUT', 'BND');
    await flow.waitForEvent(code, 'RequestRoutedToAgency');
    return code;
  };

  const answeredCount = async (code: string): Promise<number> =>
    (await flow.events(code)).filter((e) => e.type === 'RequestAnswered').length;

  /** Every message Samad published about the request, once it published the `answered` update. */
  const publishedAfterAnswer = (code: string): Promise<AgencyMessage[]> =>
    waitFor(
      `answered update of ${code} forwarded`,
      async () => {
        const messages = forwarded.get(code) ?? [];
        return messages.some((m) => m.data.change === 'answered') ? messages : undefined;
      },
      // A consumer's JVM starts in seconds; on a loaded machine, in many more.
      { timeoutMs: 90000 },
    );

  it('serves a valid AsyncAPI 3 document of the topics at /asyncapi, without a token', async () => {
    const res = await requestJson('GET', `${agency.baseUrl}/asyncapi`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(samadAsyncApiDocument())));
    const { diagnostics } = await new Parser().parse(JSON.stringify(res.body));
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
  });

  it('TypeScript consumer: handles each message once, redelivered or re-read, and answers through the agency API', async () => {
    const code = await routedRequest();
    const processed = inMemoryProcessedMessages();
    const handled: AgencyMessage[] = [];
    const duplicates: AgencyMessage[] = [];
    const settings = {
      brokers: broker.brokers,
      ...abfaUser(),
      ssl: false,
      agencyCode: 'ABFA',
      groupId: `agency-abfa-kit-${randomUUID()}`,
      apiUrl: agency.baseUrl,
      apiToken: agencyToken,
    };
    const events = {
      onHandled: (m: AgencyMessage) => handled.push(m),
      onDuplicate: (m: AgencyMessage) => duplicates.push(m),
    };
    const ofCode = (list: AgencyMessage[]) =>
      list.filter((m) => m.data.trackingCode === code).map((m) => m.eventId);

    const first = await startAgencyConsumer(settings, processed, events);
    const published = await publishedAfterAnswer(code);
    const ids = published.map((m) => m.eventId);
    await waitFor('every message handled and its copy skipped', async () =>
      ofCode(handled).length === ids.length && ofCode(duplicates).length === ids.length ? true : undefined,
    );
    await first.stop();
    expect(published.map((m) => m.eventType)).toEqual(
      expect.arrayContaining(['samad.agency.request-assigned', 'samad.agency.request-updated']),
    );
    expect(ofCode(handled)).toEqual(ids);
    expect(await answeredCount(code)).toBe(1);

    // Restarted with a fresh group it reads the topic again from the start; it remembers and does nothing twice.
    const again = await startAgencyConsumer(
      { ...settings, groupId: `agency-abfa-kit-${randomUUID()}` },
      processed,
      events,
    );
    await waitFor('the topic re-read', async () =>
      ofCode(duplicates).length === 3 * ids.length ? true : undefined,
    );
    await again.stop();
    expect(ofCode(handled)).toEqual(ids);
    expect(await answeredCount(code)).toBe(1);
  });

  it('Java consumer (kafka-clients, built by Maven): the same, against the same broker and agency API', async () => {
    const classPath = await javaClassPath;
    const code = await routedRequest();
    const processedFile = join(
      mkdtempSync(join(tmpdir(), 'samad-java-consumer-')),
      'processed-event-ids.txt',
    );
    const run = (): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } => {
      const child = spawn('java', ['-cp', classPath, 'example.samad.AgencyConsumer'], {
        env: {
          PATH: process.env.PATH,
          KAFKA_BROKERS: broker.brokers.join(','),
          KAFKA_USERNAME: abfaUser().username,
          KAFKA_PASSWORD: abfaUser().password,
          KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
          AGENCY_CODE: 'ABFA',
          GROUP_ID: `agency-abfa-kit-java-${randomUUID()}`,
          SAMAD_API_URL: agency.baseUrl,
          SAMAD_API_TOKEN: token,
          PROCESSED_IDS_FILE: processedFile,
        },
      });
      const lines: string[] = [];
      let rest = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const parts = (rest + chunk.toString()).split('\n');
        rest = parts.pop() ?? '';
        lines.push(...parts);
      });
      // Kept for the failure message: what the JVM said when a wait below times out.
      child.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
      return { child, lines, exited: new Promise((resolve) => child.on('exit', resolve)) };
    };
    const token = await tokenFor('agency_system', { agency: 'ABFA', sub: 'abfa-java', expiresIn: '30m' });
    const errors: string[] = [];
    const about = (lines: string[], verb: string, ids: string[]) =>
      lines.filter((l) => l.startsWith(`${verb} `) && ids.includes(l.split(' ')[1]));

    const first = run();
    const published = await publishedAfterAnswer(code).catch((error: Error) => {
      throw new Error(
        `${error.message}\nJava consumer said:\n${[...first.lines, ...errors].join('\n').slice(-3000)}`,
      );
    });
    const ids = published.map((m) => m.eventId);
    await waitFor(
      'the Java consumer handled every message and skipped its copy',
      async () =>
        about(first.lines, 'handled', ids).length === ids.length &&
        about(first.lines, 'duplicate', ids).length === ids.length
          ? true
          : undefined,
      { timeoutMs: 90000 },
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}\nJava consumer said:\n${[...first.lines, ...errors].join('\n').slice(-3000)}`,
      );
    });
    first.child.kill('SIGTERM');
    await first.exited;
    expect(about(first.lines, 'handled', ids).map((l) => l.split(' ')[1])).toEqual(ids);
    expect(first.lines).toEqual(
      expect.arrayContaining([
        `api GET /api/agency/requests/${code}/details 200`,
        `api POST /api/agency/requests/${code}/answer 200`,
      ]),
    );
    expect(await answeredCount(code)).toBe(1);

    // A restart with a fresh group re-reads everything: the processed ids in its file keep it from acting again.
    const again = run();
    await waitFor('the Java consumer re-read the topic', async () =>
      about(again.lines, 'duplicate', ids).length === 2 * ids.length ? true : undefined,
    );
    again.child.kill('SIGTERM');
    await again.exited;
    expect(about(again.lines, 'handled', ids)).toEqual([]);
    expect(await answeredCount(code)).toBe(1);
  });
});
