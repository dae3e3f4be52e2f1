import { Topics } from '@samad/events';
import { cleanVerdict, faultVerdict } from '../support/fault-checks';
import { FaultRun, sleep } from '../support/fault-run';
import { FaultSystem } from '../support/fault-system';
import { consumerGroupLag } from '../support/kafka-topic-reader';

// Fault 3: consumer processes die with kill -9 while they have work (transactions and offsets in flight)
// and are started again: agency first (it also publishes to the agency topics), then reporting.
describe('fault: consumer processes killed (kill -9) mid-batch and restarted', () => {
  const system = new FaultSystem({ scenario: 'consumer-kill', basePort: 14640 });
  let run: FaultRun;

  beforeAll(async () => {
    await system.start();
    run = await FaultRun.begin(system, 'consumer-kill', 'agency, then reporting, kill -9 and restarted');
  }, 180000);

  afterAll(async () => {
    await run?.close();
    await system.close();
  }, 180000);

  it('routes, delivers and counts every accepted request exactly once and parks nothing', async () => {
    const load = run.startLoad();
    await sleep(5000);
    // Both die while they have work in flight, a few seconds apart; both come back together.
    const kills: Record<string, unknown>[] = [];
    for (const victim of ['agency', 'reporting'] as const) {
      const backlogAtKill = await consumerGroupLag(run.kafka, `samad-${victim}`, Topics.requestEvents);
      kills.push({ victim, pid: await system.kill9(victim), backlogAtKill });
      await sleep(3000);
    }
    const restartedAt = Date.now();
    await Promise.all([system.startInstance('agency'), system.startInstance('reporting')]);
    const restartMs = Date.now() - restartedAt;
    await sleep(4000);
    const loadFigures = await load.stop();

    const figures = await run.finish({
      accepted: load.accepted,
      since: Date.now(),
      load: loadFigures,
      details: { kills, restartMs },
    });

    expect(figures.accepted).toBeGreaterThan(0);
    expect(faultVerdict(figures)).toEqual(cleanVerdict);
  }, 360000);
});
