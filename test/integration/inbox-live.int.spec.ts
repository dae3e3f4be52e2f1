// The live inbox (issue #14 item 4, ADR 0044), against real PostgreSQL and Kafka with two agency replicas
// sharing their consumer group: an agency's open stream, on either replica, hears of a request routed to it
// once its inbox shows it, and never of another agency's; of later changes too (a new due time, a close, a
// re-route that both agencies hear of); access is the inbox's own.
import { bearer } from '../support/auth';
import { waitFor } from '../support/environment';
import { requestJson } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { AgencyModule } from '../../apps/agency/src/agency.module';
import { IntakeModule } from '../../apps/intake/src/intake.module';
import { RoutingModule } from '../../apps/routing/src/routing.module';
import { citizen } from '../support/request-flow';

interface LiveEvent {
  type: string;
  data: Record<string, unknown>;
}

/** An open text/event-stream read with fetch, as the console does; its events collected as they come. */
class EventStreamReader {
  readonly events: LiveEvent[] = [];
  private readonly stop = new AbortController();
  private constructor(readonly status: number) {}

  static async open(url: string, headers: Record<string, string>): Promise<EventStreamReader> {
    const stop = new AbortController();
    const res = await fetch(url, {
      headers: { Accept: 'text/event-stream', ...headers },
      signal: stop.signal,
    });
    const reader = new EventStreamReader(res.status);
    reader.stop.signal.addEventListener('abort', () => stop.abort());
    if (res.ok && res.body) void reader.read(res.body).catch(() => undefined);
    else await res.body?.cancel();
    return reader;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    let buffer = '';
    for await (const chunk of body.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const type = field('event');
        const data = field('data');
        if (type && data) this.events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
      }
    }
  }

  waitFor(what: string, match: (e: LiveEvent) => boolean): Promise<LiveEvent> {
    return waitFor(what, async () => this.events.find(match), { timeoutMs: 30000, intervalMs: 50 });
  }

  close(): void {
    this.stop.abort();
  }
}

describe('the live agency inbox (server-sent events fed from Kafka)', () => {
  let intake: InProcessService;
  let routing: InProcessService;
  let agencyA: InProcessService;
  let agencyB: InProcessService;
  const streams: EventStreamReader[] = [];

  beforeAll(async () => {
    routing = await startInProcess('routing', (config) => RoutingModule.register(config));
    intake = await startInProcess('intake', (config) => IntakeModule.register(config));
    // Two replicas in one consumer group: each applies only some partitions to the inbox.
    agencyA = await startInProcess('agency', (config) => AgencyModule.register(config), {
      KAFKA_CLIENT_ID: 'samad-agency-1',
    });
    agencyB = await startInProcess('agency', (config) => AgencyModule.register(config), {
      KAFKA_CLIENT_ID: 'samad-agency-2',
    });
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    await agencyB?.close();
    await agencyA?.close();
    await intake?.close();
    await routing?.close();
  });

  const open = async (service: InProcessService, query: string, headers: Record<string, string>) => {
    const stream = await EventStreamReader.open(
      `${service.baseUrl}/api/agency/inbox/events${query}`,
      headers,
    );
    streams.push(stream);
    return stream;
  };

  const register = async (categoryCode: string, countyCode = 'BND'): Promise<string> => {
    const res = await requestJson('POST', `${intake.baseUrl}/api/requests`, {
      body: {
        kind: 'complaint',
        channel: 'phone',
        collective: false,
        citizens: [citizen],
        countyCode,
        categoryCode,
        description: 'گزارش زنده',
      },
      headers: await bearer('operator', { sub: 'operator-live' }),
    });
    expect(res.status).toBe(201);
    return res.body.trackingCode as string;
  };

  it('tells ABFA staff of a request routed to ABFA, on whichever replica, once the inbox shows it; BARGH never', async () => {
    const abfaOnA = await open(agencyA, '', await bearer('agency_staff', { agency: 'ABFA' }));
    const abfaOnB = await open(agencyB, '', await bearer('agency_staff', { agency: 'ABFA' }));
    const barghOnA = await open(agencyA, '', await bearer('agency_staff', { agency: 'BARGH' }));
    for (const s of [abfaOnA, abfaOnB, barghOnA]) expect(s.status).toBe(200);
    for (const s of [abfaOnA, abfaOnB, barghOnA]) await s.waitFor('the live event', (e) => e.type === 'live');
    expect(abfaOnA.events[0].data).toEqual({ agencyCode: 'ABFA' });
    expect(barghOnA.events[0].data).toEqual({ agencyCode: 'BARGH' });

    const water = await register('WAT-CUT');
    const isWater = (e: LiveEvent) => e.type === 'inbox' && e.data.trackingCode === water;
    const told = await abfaOnA.waitFor('ABFA told on replica A', isWater);
    expect(told.data).toEqual({ trackingCode: water, agencyCode: 'ABFA', change: 'assigned' });
    await abfaOnB.waitFor('ABFA told on replica B', isWater);

    // Told only once the inbox has it: the refetch the console makes right away finds the row.
    const row = await requestJson('GET', `${agencyB.baseUrl}/api/agency/inbox?trackingCode=${water}`, {
      headers: await bearer('agency_staff', { agency: 'ABFA' }),
    });
    expect(row.status).toBe(200);
    expect(row.body.total).toBe(1);

    // BARGH's stream hears of its own request, and (its events come in order) never heard of ABFA's.
    const power = await register('PWR-CUT');
    await barghOnA.waitFor('BARGH told of its own request', (e) => e.data.trackingCode === power);
    expect(barghOnA.events.filter((e) => e.type === 'inbox').map((e) => e.data.agencyCode)).not.toContain(
      'ABFA',
    );
    expect(barghOnA.events.some(isWater)).toBe(false);
    expect(abfaOnA.events.some((e) => e.data.trackingCode === power)).toBe(false);
  });

  it('tells of a change as well: acknowledged', async () => {
    const staff = await bearer('agency_staff', { agency: 'ABFA' });
    const stream = await open(agencyB, '', staff);
    await stream.waitFor('the live event', (e) => e.type === 'live');
    const water = await register('WAT-CUT');
    await stream.waitFor('assigned', (e) => e.data.trackingCode === water && e.data.change === 'assigned');
    const ack = await requestJson('POST', `${agencyA.baseUrl}/api/agency/requests/${water}/acknowledge`, {
      headers: staff,
      body: {},
    });
    expect(ack.status).toBeLessThan(300);
    await stream.waitFor(
      'acknowledged',
      (e) => e.data.trackingCode === water && e.data.change === 'acknowledged',
    );
  });

  /** The agency's inbox row for a request, read the way the console refetches it. */
  const inboxRow = async (service: InProcessService, agency: string, code: string) => {
    const res = await requestJson(
      'GET',
      `${service.baseUrl}/api/agency/inbox?status=all&trackingCode=${code}`,
      { headers: await bearer('agency_staff', { agency }) },
    );
    expect(res.status).toBe(200);
    return res.body.items[0] as { status: string; dueAt: string } | undefined;
  };

  const told = (stream: EventStreamReader, code: string, change: string) =>
    stream.waitFor(
      change,
      (e) => e.type === 'inbox' && e.data.trackingCode === code && e.data.change === change,
    );

  it('tells of a new due time set by a supervisor, then of the close, each once the inbox shows it', async () => {
    const stream = await open(agencyA, '', await bearer('agency_staff', { agency: 'ABFA' }));
    await stream.waitFor('the live event', (e) => e.type === 'live');
    const water = await register('WAT-CUT');
    await told(stream, water, 'assigned');
    const supervisor = await bearer('supervisor', { sub: 'supervisor-live' });

    const dueAt = new Date(Date.now() + 9 * 24 * 3600_000).toISOString();
    const set = await requestJson('POST', `${routing.baseUrl}/api/routing/requests/${water}/due-time`, {
      headers: supervisor,
      body: { dueAt, reason: 'بیمارستان؛ زودتر پیگیری شود' },
    });
    expect(set.status).toBe(200);
    const dueChanged = await told(stream, water, 'due-changed');
    expect(dueChanged.data).toEqual({ trackingCode: water, agencyCode: 'ABFA', change: 'due-changed' });
    expect((await inboxRow(agencyB, 'ABFA', water))?.dueAt).toBe(set.body.dueAt);

    // A close names no agency: the one whose inbox holds the request is told.
    const close = await requestJson('POST', `${routing.baseUrl}/api/routing/requests/${water}/close`, {
      headers: supervisor,
      body: { reason: 'withdrawn', note: 'شهروند درخواست را پس گرفت' },
    });
    expect(close.status).toBe(200);
    const closed = await told(stream, water, 'closed');
    expect(closed.data).toEqual({ trackingCode: water, agencyCode: 'ABFA', change: 'closed' });
    expect((await inboxRow(agencyB, 'ABFA', water))?.status).toBe('closed');
  });

  it('tells both agencies of a re-route: the one that returned it loses the row, the next one gains it', async () => {
    // Waste on Qeshm goes to the free-zone organisation; returned, the rules send it to the municipality.
    const freeZone = await open(agencyA, '', await bearer('agency_staff', { agency: 'QFZ' }));
    const municipality = await open(agencyB, '', await bearer('agency_staff', { agency: 'SHAHRDARI' }));
    for (const s of [freeZone, municipality]) await s.waitFor('the live event', (e) => e.type === 'live');
    const waste = await register('MUN-WASTE', 'QSM');
    await told(freeZone, waste, 'assigned');

    const back = await requestJson('POST', `${agencyB.baseUrl}/api/agency/requests/${waste}/return`, {
      headers: await bearer('agency_staff', { agency: 'QFZ' }),
      body: { reason: 'این موضوع در حوزه‌ی شهرداری است' },
    });
    expect(back.status).toBeLessThan(300);
    await told(freeZone, waste, 'returned');
    expect(await inboxRow(agencyA, 'QFZ', waste)).toBeUndefined();
    const assigned = await told(municipality, waste, 'assigned');
    expect(assigned.data).toEqual({ trackingCode: waste, agencyCode: 'SHAHRDARI', change: 'assigned' });
    expect((await inboxRow(agencyA, 'SHAHRDARI', waste))?.status).toBe('routed');
    expect(
      municipality.events.some((e) => e.data.trackingCode === waste && e.data.change === 'returned'),
    ).toBe(false);
  });

  it('lets a supervisor name the agency, and refuses as the inbox does', async () => {
    const supervisor = await open(agencyA, '?agency=abfa', await bearer('supervisor'));
    expect(supervisor.status).toBe(200);
    await supervisor.waitFor('the live event', (e) => e.type === 'live');
    expect(supervisor.events[0].data).toEqual({ agencyCode: 'ABFA' });

    const anonymous = await fetch(`${agencyA.baseUrl}/api/agency/inbox/events`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

    const other = await fetch(`${agencyA.baseUrl}/api/agency/inbox/events?agency=BARGH`, {
      headers: await bearer('agency_staff', { agency: 'ABFA' }),
    });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { code: string }).code).toBe('AGENCY_INBOX_NOT_FOUND');

    const unnamed = await fetch(`${agencyA.baseUrl}/api/agency/inbox/events`, {
      headers: await bearer('supervisor'),
    });
    expect(unnamed.status).toBe(400);

    const operator = await fetch(`${agencyA.baseUrl}/api/agency/inbox/events?agency=ABFA`, {
      headers: await bearer('operator'),
    });
    expect(operator.status).toBe(403);
  });
});
