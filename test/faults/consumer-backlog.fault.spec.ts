import { Topics } from '@samad/events';
import { appendRegistrations } from '../support/direct-registrations';
import { cleanVerdict, faultVerdict } from '../support/fault-checks';
import { FaultRun } from '../support/fault-run';
import { FaultSystem } from '../support/fault-system';
import { waitFor } from '../support/environment';
import { consumerGroupLag } from '../support/kafka-topic-reader';

// 5,000 registrations routed while agency and reporting are down: 10,000 request events wait for each.
const REQUESTS = 5000;
const BACKLOG = 2 * REQUESTS;

// Fault 5: agency and reporting are stopped, a backlog of ≥ 10,000 events builds up, and they start again.
describe('fault: agency and reporting restarted with a backlog of 10,000 events', () => {
  const system = new FaultSystem({ scenario: 'consumer-backlog', basePort: 14680 });
  let run: FaultRun;

  beforeAll(async () => {
    await system.start();
    run = await FaultRun.begin(
      system,
      'consumer-backlog',
      'agency and reporting start with ≥ 10,000 events waiting',
    );
  }, 180000);

  afterAll(async () => {
    await run?.close();
    await system.close();
  }, 180000);

  it('works the whole backlog off: every request routed, delivered and counted exactly once, nothing parked', async () => {
    await Promise.all([system.stop('agency'), system.stop('reporting')]);
    const appendStarted = Date.now();
    const accepted = await appendRegistrations(run.sql, REQUESTS);
    const appendMs = Date.now() - appendStarted;
    // Routing keeps running: each registration is routed, so both waiting groups get two events per request.
    const backlog = await waitFor(
      `${BACKLOG} events waiting for agency and reporting`,
      async () => {
        const lags = await Promise.all(
          ['samad-agency', 'samad-reporting'].map((g) =>
            consumerGroupLag(run.kafka, g, Topics.requestEvents),
          ),
        );
        return Math.min(...lags) >= BACKLOG ? { agency: lags[0], reporting: lags[1] } : undefined;
      },
      { timeoutMs: 240000, intervalMs: 1000 },
    );
    const backlogReadyMs = Date.now() - appendStarted;

    const since = Date.now();
    await Promise.all([system.startInstance('agency'), system.startInstance('reporting')]);
    const startupMs = Date.now() - since;
    const figures = await run.finish({
      accepted,
      since,
      timeoutMs: 300000,
      details: { backlog, appendMs, backlogReadyMs, startupMs },
    });

    expect(backlog.agency).toBeGreaterThanOrEqual(BACKLOG);
    expect(faultVerdict(figures)).toEqual(cleanVerdict);
  }, 600000);
});
