// Agencies' scorecards against real PostgreSQL, Kafka and the event store: requests registered, routed,
// missed, escalated and answered inside one Jalali month; the scorecard is then REBUILT here, independently,
// from every event in the store (readAll) and compared with what GET /api/reports/scorecards answers.
import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@samad/event-store';
import { handleRequestCommand } from '@samad/request-application';
import {
  DEFAULT_OFFICE_HOURS,
  jalaliMonthLength,
  jalaliOfGregorianKey,
  requestStreamName,
  tehranDateKey,
  trackingCodeFromNumber,
  workingDayMinutes,
  workingMinutesBetween,
  type RequestCommand,
  type WorkingCalendar,
} from '@samad/request-lifecycle';
import type { ActorIdentity } from '@samad/service-kit';
import { bearer } from '../../../test/support/auth';
import { waitFor } from '../../../test/support/environment';
import { startInProcess, type InProcessService } from '../../../test/support/in-process-service';
import { RequestFlow } from '../../../test/support/request-flow';
import { ReportingModule } from '../src/reporting.module';
import { monthPeriod } from '../src/scorecards/scorecard-period';

const HOUR = 3_600_000;
const operator: ActorIdentity = { id: 'operator-17', role: 'operator' };
const system: ActorIdentity = { id: 'routing', role: 'system' };
const staff: ActorIdentity = { id: 'agency-staff-3', role: 'agency_staff' };
const citizen = { nationalCode: '0499370899', fullName: 'زهرا کریمی', mobile: '09171234567' };

/** The figures this test can rebuild from today's facts (extensions, reopens and ratings have none yet). */
interface Rebuilt {
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredOnTimeRate: number | null;
  meanWorkingDaysToAnswer: number | null;
  p90WorkingDaysToAnswer: number | null;
  deadlinesMissed: number;
  escalations: { level1: number; level2: number };
}
type Answered = Rebuilt & Record<string, unknown>;
interface ScorecardsBody {
  period: { fromJalali: string; toJalali: string };
  total: Answered;
  byAgency: (Answered & { rank: number; agencyCode: string })[];
  byCounty: (Answered & { rank: number; countyCode: string })[];
  trend: { month: string; total: Answered }[];
  notes: string[];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const monthKey = (instant: Date): string => {
  const { year, month } = jalaliOfGregorianKey(tehranDateKey(instant));
  return `${year}-${String(month).padStart(2, '0')}`;
};

/** The scorecard rebuilt from the store's events alone: each fact counted in the month it happened. */
function rebuild(
  events: readonly RecordedEvent[],
  calendar: WorkingCalendar,
  inMonth: (at: Date) => boolean,
) {
  const county = new Map<string, string>();
  const routing = new Map<string, { at: Date; dueAt: Date }>();
  const groups = new Map<string, { facts: Rebuilt; spans: number[] }>();
  const group = (key: string) => {
    if (!groups.has(key))
      groups.set(key, {
        facts: {
          received: 0,
          answered: 0,
          answeredOnTime: 0,
          answeredOnTimeRate: null,
          meanWorkingDaysToAnswer: null,
          p90WorkingDaysToAnswer: null,
          deadlinesMissed: 0,
          escalations: { level1: 0, level2: 0 },
        },
        spans: [],
      });
    return groups.get(key)!;
  };
  const count = (
    agency: string,
    code: string,
    at: Date,
    apply: (g: { facts: Rebuilt; spans: number[] }) => void,
  ) => {
    if (!inMonth(at)) return;
    for (const key of ['total', `agency:${agency}`, `county:${county.get(code)}`]) apply(group(key));
  };
  for (const event of events) {
    const data = event.data as Record<string, string & number>;
    const code = data.trackingCode;
    switch (event.type) {
      case 'RequestRegistered':
        county.set(code, data.countyCode);
        break;
      case 'RequestRoutedToAgency':
        routing.set(code, { at: new Date(data.at), dueAt: new Date(data.dueAt) });
        count(data.agencyCode, code, new Date(data.at), (g) => g.facts.received++);
        break;
      case 'DueTimeSet':
        routing.set(code, { ...routing.get(code)!, dueAt: new Date(data.dueAt) });
        break;
      case 'RequestAnswered': {
        const answeredAt = new Date(data.answeredAt);
        const routed = routing.get(code)!;
        count(data.agencyCode, code, answeredAt, (g) => {
          g.facts.answered++;
          if (answeredAt <= routed.dueAt) g.facts.answeredOnTime++;
          g.spans.push(workingMinutesBetween(routed.at, answeredAt, calendar) / workingDayMinutes(calendar));
        });
        break;
      }
      case 'DeadlineMissed':
        count(data.agencyCode, code, new Date(data.at), (g) => g.facts.deadlinesMissed++);
        break;
      case 'RequestEscalated':
        count(data.agencyCode, code, new Date(data.at), (g) =>
          data.level === 1 ? g.facts.escalations.level1++ : g.facts.escalations.level2++,
        );
        break;
    }
  }
  const result = new Map<string, Rebuilt>();
  for (const [key, { facts, spans }] of groups) {
    const sorted = [...spans].sort((a, b) => a - b);
    const position = 0.9 * (sorted.length - 1);
    const [lo, hi] = [sorted[Math.floor(position)], sorted[Math.ceil(position)]];
    result.set(key, {
      ...facts,
      answeredOnTimeRate: facts.answered ? round(facts.answeredOnTime / facts.answered, 4) : null,
      meanWorkingDaysToAnswer: spans.length
        ? round(spans.reduce((s, v) => s + v, 0) / spans.length, 2)
        : null,
      p90WorkingDaysToAnswer: spans.length
        ? round(lo + (hi - lo) * (position - Math.floor(position)), 2)
        : null,
    });
  }
  return result;
}

const pick = (figures: Answered): Rebuilt => ({
  received: figures.received,
  answered: figures.answered,
  answeredOnTime: figures.answeredOnTime,
  answeredOnTimeRate: figures.answeredOnTimeRate,
  meanWorkingDaysToAnswer: figures.meanWorkingDaysToAnswer,
  p90WorkingDaysToAnswer: figures.p90WorkingDaysToAnswer,
  deadlinesMissed: figures.deadlinesMissed,
  escalations: figures.escalations,
});

describe('agency scorecards (real PostgreSQL, Kafka and event store)', () => {
  let flow: RequestFlow;
  let store: EventStore;
  let reporting: InProcessService;

  // A Jalali month of the past (1360–1398, Ordibehesht to Esfand, so the month before is in the same year)
  // where neither it nor the month before holds a fact yet: chosen in beforeAll against the read model.
  let year = 0;
  let month = 0;
  let monthText = '';
  let firstOfMonth = 0;
  /** Day `day` of the month (0 or less: the month before) at `hour` Tehran time. */
  const on = (day: number, hour: number): Date => new Date(firstOfMonth + ((day - 1) * 24 + hour) * HOUR);

  beforeAll(async () => {
    flow = await RequestFlow.start();
    store = flow.store;
    for (;;) {
      year = 1360 + Math.floor(Math.random() * 39);
      month = 2 + Math.floor(Math.random() * 11);
      const { rows } = await flow.sql.query<{ used: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM reporting.scorecard_facts WHERE at >= $1 AND at < $2) AS used',
        [monthPeriod({ year, month: month - 1 }).from, monthPeriod({ year, month }).to],
      );
      if (!rows[0].used) break;
    }
    monthText = `${year}-${String(month).padStart(2, '0')}`;
    firstOfMonth = monthPeriod({ year, month }).from.getTime();
    reporting = await startInProcess('reporting', (config) => ReportingModule.register(config));
  }, 120000);

  afterAll(async () => {
    await reporting?.close();
    await flow?.close();
  }, 60000);

  const run = (command: RequestCommand, actor: ActorIdentity) =>
    handleRequestCommand(store, command, { actor, correlationId: `test-${randomUUID()}` });

  const register = async (now: Date, countyCode: string, categoryCode = 'WAT-CUT') => {
    const trackingCode = trackingCodeFromNumber(1 + Math.floor(Math.random() * 8e8));
    await run(
      {
        type: 'RegisterRequest',
        data: {
          trackingCode,
          now,
          kind: 'complaint',
          channel: 'phone',
          collective: false,
          citizens: [citizen],
          countyCode,
          categoryCode,
          description: 'آب محله از دیروز قطع است.',
          registeredBy: operator.id,
        },
      },
      operator,
    );
    return trackingCode;
  };
  const route = (trackingCode: string, now: Date, agencyCode: string, dueAt: Date) =>
    run(
      {
        type: 'RouteToAgency',
        data: { trackingCode, now, agencyCode, dueAt, routedBy: 'rules', ruleId: `${agencyCode}-default` },
      },
      system,
    );
  const answer = (trackingCode: string, now: Date, agencyCode: string) =>
    run(
      { type: 'Answer', data: { trackingCode, now, agencyCode, outcome: 'positive', text: 'انجام شد.' } },
      staff,
    );
  const miss = (trackingCode: string, now: Date, dueAt: Date) =>
    run({ type: 'RecordDeadlineMissed', data: { trackingCode, now, dueAt } }, system);
  const toInspection = (trackingCode: string, now: Date, dueAt: Date) =>
    run({ type: 'EscalateToInspection', data: { trackingCode, now, dueAt } }, system);
  const giveBack = (trackingCode: string, now: Date, agencyCode: string) =>
    run(
      {
        type: 'ReturnAsNotResponsible',
        data: { trackingCode, now, agencyCode, reason: 'در حوزه‌ی ما نیست' },
      },
      staff,
    );

  const get = async (query: string, headers: Record<string, string> = {}) =>
    fetch(`${reporting.baseUrl}/api/reports/scorecards${query}`, {
      headers: { ...(await bearer('supervisor')), ...headers },
    });

  it('matches the facts in the store, rebuilt from the events, for a Jalali month', async () => {
    // On time (ABFA, Bandar Abbas).
    const a = await register(on(3, 9), 'BND');
    await route(a, on(3, 9.1), 'ABFA', on(8, 9));
    await answer(a, on(5, 11), 'ABFA');
    // Missed, escalated to the manager, answered late.
    const b = await register(on(4, 8), 'BND');
    await route(b, on(4, 8.2), 'ABFA', on(6, 8));
    await miss(b, on(6, 9), on(6, 8));
    await answer(b, on(10, 10), 'ABFA');
    // Missed and escalated to the inspection office, never answered (BARGH, Minab).
    const c = await register(on(6, 10), 'MIN', 'PWR-CUT');
    await route(c, on(6, 10.5), 'BARGH', on(9, 10));
    await miss(c, on(9, 11), on(9, 10));
    await toInspection(c, on(14, 11), on(9, 10));
    // Routed last month, answered this month: received counts then, the answer now.
    const d = await register(on(-3, 9), 'BND');
    await route(d, on(-3, 9.5), 'ABFA', on(5, 9));
    await answer(d, on(2, 12), 'ABFA');
    // Given back by ABFA and routed to BARGH: both received it.
    const e = await register(on(12, 9), 'MIN');
    await route(e, on(12, 9.2), 'ABFA', on(16, 9));
    await giveBack(e, on(13, 9), 'ABFA');
    await route(e, on(13, 10), 'BARGH', on(18, 10));
    await answer(e, on(20, 9), 'BARGH');

    const { rows } = await flow.sql.query<{ day: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM routing.holidays`,
    );
    const calendar: WorkingCalendar = {
      thursday: 'working',
      officeHours: DEFAULT_OFFICE_HOURS,
      holidays: new Set(rows.map((r) => r.day)),
    };
    // readAll shows only transactions below the cluster's oldest open one (ADR 2): wait until it holds
    // every event of these requests, as their own streams (read-your-writes) do.
    const codes = [a, b, c, d, e];
    const streamed = (
      await Promise.all(codes.map((code) => store.readStream(requestStreamName(code))))
    ).flat();
    const everything = await waitFor('every event of the month in the global log', async () => {
      const all = await store.readAll();
      const ids = new Set(all.map((event) => event.id));
      return streamed.every((event) => ids.has(event.id)) ? all : undefined;
    });
    const expected = rebuild(everything, calendar, (at) => monthKey(at) === monthText);
    expect(expected.get('total')).toMatchObject({ received: 5, answered: 4, deadlinesMissed: 2 });

    const body = await waitFor<ScorecardsBody>(
      'the scorecard to count every fact of the month',
      async () => {
        const res = await get(`?month=${monthText}`);
        const json = (await res.json()) as ScorecardsBody;
        // toEqual's equality, as the assertions below use (a strict deep equality also compares prototypes).
        expect(res.status).toBe(200);
        expect(pick(json.total)).toEqual(expected.get('total'));
        return json;
      },
      { timeoutMs: 90000 },
    )
      // Past the wait, the comparisons below show what differs.
      .catch(async () => (await (await get(`?month=${monthText}`)).json()) as ScorecardsBody);

    expect(body.period).toMatchObject({
      fromJalali: `${monthText}-01`,
      toJalali: `${monthText}-${jalaliMonthLength(year, month)}`,
    });
    expect(pick(body.total)).toEqual(expected.get('total'));
    expect(Object.fromEntries(body.byAgency.map((r) => [r.agencyCode, pick(r)]))).toEqual(
      Object.fromEntries(
        [...expected].filter(([k]) => k.startsWith('agency:')).map(([k, v]) => [k.slice(7), v]),
      ),
    );
    expect(Object.fromEntries(body.byCounty.map((r) => [r.countyCode, pick(r)]))).toEqual(
      Object.fromEntries(
        [...expected].filter(([k]) => k.startsWith('county:')).map(([k, v]) => [k.slice(7), v]),
      ),
    );
    // ABFA answered two of its three on time, BARGH its one answer late: ABFA ranks first.
    expect(body.byAgency.map((r) => [r.rank, r.agencyCode, r.answeredOnTimeRate])).toEqual([
      [1, 'ABFA', 0.6667],
      [2, 'BARGH', 0],
    ]);
    // Pending facts are shown as such, not as measured zeros.
    expect(body.total).toMatchObject({
      extensionsRequested: 0,
      extensionsGranted: 0,
      meanSatisfaction: null,
    });
    // routing.holidays is readable here: no figure is approximated.
    expect(body.notes).toEqual([]);

    // The trend: six months ending with this one; last month holds the earlier routing.
    const previousText = `${year}-${String(month - 1).padStart(2, '0')}`;
    const lastMonth = rebuild(everything, calendar, (at) => monthKey(at) === previousText);
    expect(body.trend.map((m) => m.month).slice(-2)).toEqual([previousText, monthText]);
    expect(body.trend).toHaveLength(6);
    expect(pick(body.trend[5].total)).toEqual(expected.get('total'));
    expect(pick(body.trend[4].total)).toEqual(lastMonth.get('total'));

    // The same range as Jalali days, in Persian digits, gives the same figures.
    const persian = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    const byDays = await get(
      `?from=${encodeURIComponent(persian(body.period.fromJalali))}&to=${encodeURIComponent(persian(body.period.toJalali))}`,
    );
    expect(byDays.status).toBe(200);
    expect(pick(((await byDays.json()) as ScorecardsBody).total)).toEqual(expected.get('total'));
  }, 180000);

  // On the month the test above filled.
  it('exports CSV in UTF-8 with a BOM, by ?format=csv or Accept: text/csv', async () => {
    for (const res of [
      await get(`?month=${monthText}&format=csv`),
      await get(`?month=${monthText}`, { accept: 'text/csv' }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toContain(`scorecards-${monthText}-01`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0].split(',').slice(0, 4)).toEqual(['scope', 'rank', 'code', 'name_fa']);
      expect(lines[1]).toMatch(/^agency,1,ABFA,شرکت آب و فاضلاب استان هرمزگان,/);
      expect(lines.at(-1)).toMatch(/^province,,,کل استان,Province,/);
    }
  }, 60000);

  it('refuses a period it cannot read, naming the parameter', async () => {
    const res = await get('?month=1405-13');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'month' }] });
  });
});
