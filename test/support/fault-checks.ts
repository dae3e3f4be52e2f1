import type { Client } from 'pg';
import type { Kafka } from 'kafkajs';
import { IntegrationEventTypes, Topics } from '@samad/events';
import { requestStreamName, trackingCodeOfStream } from '@samad/request-lifecycle';
import {
  consumerGroupCaughtUp,
  readTopicToEnd,
  readTopicsToEnd,
  type ReadMessage,
} from './kafka-topic-reader';
import type { LoadFigures } from './registration-load';

// The groups that must have read every request event before a missing request counts as lost.
const consumerGroups = ['samad-routing', 'samad-agency', 'samad-reporting'];
const serviceSchemas = ['intake', 'routing', 'agency', 'reporting'];

/** Where the parking places stood when the scenario began: only what comes after counts. */
export interface Baseline {
  startedAt: Date;
  deadLetterEnds: Map<number, bigint>;
  parkedRows: Map<string, number>;
}

/** `<schema>.parked_messages` rows per schema, for the tables that exist (they may not, yet). */
async function parkedRows(sql: Client): Promise<Map<string, number>> {
  const { rows: tables } = await sql.query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relname = 'parked_messages' AND c.relkind IN ('r', 'p') AND n.nspname = ANY($1)`,
    [serviceSchemas],
  );
  const counts = new Map<string, number>();
  for (const { schema } of tables) {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".parked_messages`,
    );
    counts.set(schema, rows[0].n);
  }
  return counts;
}

async function deadLetterEnds(kafka: Kafka): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(Topics.deadLetter);
    return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

export async function captureBaseline(sql: Client, kafka: Kafka): Promise<Baseline> {
  return {
    startedAt: new Date(),
    deadLetterEnds: await deadLetterEnds(kafka),
    parkedRows: await parkedRows(sql),
  };
}

/** What the read models and the store say about the accepted requests right now. */
interface DeliveryState {
  /** Tracking code → ids and agencies of its RequestRoutedToAgency events. */
  routed: Map<string, { eventIds: string[]; agencies: string[] }>;
  inbox: Map<string, string>;
  reporting: Map<string, { agency: string | null; status: string }>;
}

async function deliveryState(sql: Client, codes: readonly string[]): Promise<DeliveryState> {
  const streams = codes.map((c) => requestStreamName(c));
  const routed = await sql.query<{ stream_id: string; event_ids: string[]; agencies: string[] }>(
    `SELECT stream_id, array_agg(event_id::text) AS event_ids, array_agg(data->>'agencyCode') AS agencies
       FROM event_store.events WHERE stream_id = ANY($1) AND event_type = 'RequestRoutedToAgency'
      GROUP BY stream_id`,
    [streams],
  );
  const inbox = await sql.query<{ tracking_code: string; agency_code: string }>(
    'SELECT tracking_code, agency_code FROM agency.inbox WHERE tracking_code = ANY($1)',
    [codes],
  );
  const reporting = await sql.query<{ tracking_code: string; agency_code: string | null; status: string }>(
    'SELECT tracking_code, agency_code, status FROM reporting.requests WHERE tracking_code = ANY($1)',
    [codes],
  );
  return {
    routed: new Map(
      routed.rows.map((r) => [
        trackingCodeOfStream(r.stream_id) ?? r.stream_id,
        { eventIds: r.event_ids, agencies: r.agencies },
      ]),
    ),
    inbox: new Map(inbox.rows.map((r) => [r.tracking_code, r.agency_code])),
    reporting: new Map(
      reporting.rows.map((r) => [r.tracking_code, { agency: r.agency_code, status: r.status }]),
    ),
  };
}

const doneIn = (state: DeliveryState, code: string): boolean =>
  state.routed.has(code) && state.inbox.has(code) && state.reporting.get(code)?.status === 'routed';

async function relayCaughtUp(sql: Client): Promise<boolean> {
  const { rows } = await sql
    .query<{ done: boolean }>(
      `SELECT coalesce((SELECT max(global_position) FROM event_store.events), 0)
              <= coalesce((SELECT min(prepare) FROM event_store.relay_checkpoints
                            WHERE relay_name IN ('request-events', 'agency-topics')
                           HAVING count(*) = 2), 0)
              AS done`,
    )
    .catch(() => ({ rows: [{ done: false }] }));
  return rows[0]?.done ?? false;
}

async function consumersCaughtUp(kafka: Kafka): Promise<boolean> {
  try {
    for (const group of consumerGroups) {
      if (!(await consumerGroupCaughtUp(kafka, group, Topics.requestEvents))) return false;
    }
    return true;
  } catch {
    return false; // the broker is not answering yet: not settled
  }
}

export interface CatchUp {
  /** From `since` until every accepted request was routed, in its inbox and in reporting; null if never. */
  catchUpMs: number | null;
  state: DeliveryState;
}

/**
 * Polls until every accepted request is routed, in an inbox and in reporting, or until the deadline. It
 * gives up early once every consumer group has read to the end of the request topic and nothing has
 * moved for `settleMs`: whatever is missing then is not late, it is lost (or parked).
 */
export async function waitForCatchUp(
  sql: Client,
  kafka: Kafka,
  accepted: ReadonlyMap<string, string>,
  { since, timeoutMs = 120000, settleMs = 30000 }: { since: number; timeoutMs?: number; settleMs?: number },
): Promise<CatchUp> {
  const codes = [...accepted.keys()];
  const deadline = Date.now() + timeoutMs;
  let lastDone = -1;
  let lastProgress = Date.now();
  for (;;) {
    const state = await deliveryState(sql, codes).catch(() => undefined);
    if (state) {
      const done = codes.filter((c) => doneIn(state, c)).length;
      if (done === codes.length) return { catchUpMs: Date.now() - since, state };
      if (done !== lastDone) [lastDone, lastProgress] = [done, Date.now()];
      const stalled = Date.now() - lastProgress > settleMs;
      // Settled means nothing is on its way: the relay has published the whole store and every group read it all.
      if (
        Date.now() > deadline ||
        (stalled && (await relayCaughtUp(sql)) && (await consumersCaughtUp(kafka)))
      ) {
        return { catchUpMs: null, state };
      }
    } else if (Date.now() > deadline) {
      return { catchUpMs: null, state: await deliveryState(sql, codes) };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

interface AssignedMessages {
  /** Tracking code → request-assigned messages for one of its routing events, on the agency's topic. */
  count: Map<string, number>;
}

async function readAgencyTopics(agencies: readonly string[]): Promise<ReadMessage[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readTopicsToEnd(agencies.map((a) => Topics.agency(a)));
    } catch (error) {
      if (attempt === 3) throw error; // a reader's group join can stall on a busy broker: try afresh
    }
  }
}

async function assignedOnAgencyTopics(
  accepted: ReadonlyMap<string, string>,
  state: DeliveryState,
): Promise<AssignedMessages> {
  const count = new Map<string, number>();
  for (const message of await readAgencyTopics([...new Set(accepted.values())])) {
    const code = message.key === null ? undefined : trackingCodeOfStream(message.key);
    const agency = code === undefined ? undefined : accepted.get(code);
    if (code === undefined || agency === undefined || message.topic !== Topics.agency(agency)) continue;
    const event = JSON.parse(message.value) as { eventType?: string; eventId?: string };
    // Only messages caused by this database's routing events: a reused broker may hold older runs' codes.
    const ours = state.routed.get(code)?.eventIds.includes(event.eventId ?? '') ?? false;
    if (event.eventType === IntegrationEventTypes.agencyRequestAssigned && ours) {
      count.set(code, (count.get(code) ?? 0) + 1);
    }
  }
  return { count };
}

async function newDeadLetters(baseline: Baseline, kafka: Kafka): Promise<string[]> {
  const ends = await deadLetterEnds(kafka);
  const fresh = [...ends].reduce(
    (sum, [partition, high]) => sum + Number(high - (baseline.deadLetterEnds.get(partition) ?? 0n)),
    0,
  );
  if (fresh === 0) return [];
  const messages = await readTopicToEnd(Topics.deadLetter);
  return messages
    .filter((m) => BigInt(m.offset) >= (baseline.deadLetterEnds.get(m.partition) ?? 0n))
    .map((m) => {
      const letter = JSON.parse(m.value) as { consumerGroup?: string; reason?: string; error?: string };
      return `${letter.consumerGroup ?? '?'}: ${letter.reason ?? '?'}: ${(letter.error ?? '').slice(0, 160)}`;
    });
}

export interface FaultFigures {
  scenario: string;
  fault: string;
  load?: LoadFigures;
  accepted: number;
  /** Accepted requests with a RequestRoutedToAgency event naming the agency their rules name. */
  routed: number;
  /** … in that agency's inbox (agency read model). */
  inInbox: number;
  /** … with a request-assigned message on samad.agency.<code>. */
  onAgencyTopic: number;
  /** … in reporting.requests, routed to that agency. */
  inReporting: number;
  /** The reporting API's summary total for requests registered since the scenario began. */
  summaryTotal: number;
  /** Accepted requests missing from the store's routing, the inbox, the agency topic or reporting. */
  lost: number;
  wrongAgency: number;
  duplicates: { routedTwice: number; assignedTwice: number; summaryOvercount: number; total: number };
  parked: { deadLetters: number; parkedRows: number; samples: string[] };
  catchUpMs: number | null;
  serviceExits: readonly string[];
  details: Record<string, unknown>;
}

export interface VerifyInput {
  scenario: string;
  fault: string;
  sql: Client;
  kafka: Kafka;
  baseline: Baseline;
  accepted: ReadonlyMap<string, string>;
  catchUp: CatchUp;
  /** The reporting summary's `total` for the scenario's window (from baseline.startedAt). */
  summaryTotal: number;
  load?: LoadFigures;
  serviceExits: readonly string[];
  details?: Record<string, unknown>;
}

/** Every check of the scenario, as figures: what reached each place, what came twice, what was parked. */
export async function verifyDelivery(input: VerifyInput): Promise<FaultFigures> {
  const { accepted, catchUp, baseline, sql, kafka } = input;
  const { state } = catchUp;
  let assigned = await assignedOnAgencyTopics(accepted, state);
  // The agency topics have their own relay, which may trail the inbox a little: a second look.
  for (let look = 0; look < 3 && [...accepted.keys()].some((c) => !assigned.count.has(c)); look++) {
    await new Promise((r) => setTimeout(r, 2000));
    assigned = await assignedOnAgencyTopics(accepted, state);
  }
  let routed = 0;
  let inInbox = 0;
  let inReporting = 0;
  let onAgencyTopic = 0;
  let lost = 0;
  let wrongAgency = 0;
  let routedTwice = 0;
  let assignedTwice = 0;
  for (const [code, agency] of accepted) {
    const routing = state.routed.get(code);
    const isRouted = routing !== undefined && routing.agencies.includes(agency);
    const isInInbox = state.inbox.get(code) === agency;
    const report = state.reporting.get(code);
    const isInReporting = report?.status === 'routed' && report.agency === agency;
    const published = assigned.count.get(code) ?? 0;
    if (routing && routing.agencies.some((a) => a !== agency)) wrongAgency += 1;
    if ((routing?.eventIds.length ?? 0) > 1) routedTwice += 1;
    if (published > 1) assignedTwice += 1;
    routed += Number(isRouted);
    inInbox += Number(isInInbox);
    inReporting += Number(isInReporting);
    onAgencyTopic += Number(published > 0);
    if (!isRouted || !isInInbox || !isInReporting || published === 0) lost += 1;
  }
  const unresolved = input.load?.unresolved ?? 0;
  const summaryOvercount = Math.max(0, input.summaryTotal - accepted.size - unresolved);
  const deadLetters = await newDeadLetters(baseline, kafka);
  const parkedNow = await parkedRows(sql);
  const parkedRowsNew = [...parkedNow].reduce(
    (sum, [schema, n]) => sum + n - (baseline.parkedRows.get(schema) ?? 0),
    0,
  );
  return {
    scenario: input.scenario,
    fault: input.fault,
    ...(input.load && { load: input.load }),
    accepted: accepted.size,
    routed,
    inInbox,
    onAgencyTopic,
    inReporting,
    summaryTotal: input.summaryTotal,
    lost,
    wrongAgency,
    duplicates: {
      routedTwice,
      assignedTwice,
      summaryOvercount,
      total: routedTwice + assignedTwice + summaryOvercount,
    },
    parked: { deadLetters: deadLetters.length, parkedRows: parkedRowsNew, samples: deadLetters.slice(0, 5) },
    catchUpMs: catchUp.catchUpMs,
    serviceExits: input.serviceExits,
    details: input.details ?? {},
  };
}

/** The figures a fault must leave at zero; a test compares this to all zeros, so a failure shows them all. */
export const faultVerdict = (f: FaultFigures) => ({
  lost: f.lost,
  wrongAgency: f.wrongAgency,
  duplicates: f.duplicates.total,
  parked: f.parked.deadLetters + f.parked.parkedRows,
  http500: f.load?.http500 ?? 0,
  failedRegistrations: f.load?.failures.length ?? 0,
  unresolvedRegistrations: f.load?.unresolved ?? 0,
  caughtUp: f.catchUpMs !== null,
  serviceExits: f.serviceExits.length,
});

export const cleanVerdict: ReturnType<typeof faultVerdict> = {
  lost: 0,
  wrongAgency: 0,
  duplicates: 0,
  parked: 0,
  http500: 0,
  failedRegistrations: 0,
  unresolvedRegistrations: 0,
  caughtUp: true,
  serviceExits: 0,
};
