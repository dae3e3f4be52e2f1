import { cleanVerdict, faultVerdict } from '../support/fault-checks';
import { FaultRun, sleep } from '../support/fault-run';
import { FaultSystem } from '../support/fault-system';
import { waitFor } from '../support/environment';
import { relayLeaderPid } from '../support/relay-leader';

// Fault 4: two intake instances, each running the store → Kafka relay; the PostgreSQL advisory lock lets
// one lead. The leader dies with kill -9 mid-load; the other must take over, and the load goes on through it.
describe('fault: the relay leader killed (kill -9) with a second intake standing by', () => {
  const system = new FaultSystem({
    scenario: 'relay-leader-kill',
    basePort: 14660,
    instances: ['intake', 'intake-2', 'routing', 'agency', 'reporting'],
  });
  let run: FaultRun;

  beforeAll(async () => {
    await system.start();
    run = await FaultRun.begin(system, 'relay-leader-kill', 'kill -9 of the intake leading the relay');
  }, 180000);

  afterAll(async () => {
    await run?.close();
    await system.close();
  }, 180000);

  const leaderAmong = async (candidates: ('intake' | 'intake-2')[]) => {
    const pid = await relayLeaderPid(
      run.sql,
      candidates.map((c) => system.pid(c)),
    );
    return pid === undefined ? undefined : system.instanceWithPid(pid);
  };

  it('routes, delivers and counts every accepted request exactly once and parks nothing', async () => {
    const leader = await waitFor('a relay leader', () => leaderAmong(['intake', 'intake-2']));
    const standby = leader === 'intake' ? 'intake-2' : 'intake';
    const load = run.startLoad(['intake', 'intake-2']);
    await sleep(7000);
    const killedAt = Date.now();
    const pid = await system.kill9(leader!);
    const takenOver = await waitFor('the standby leading the relay', () => leaderAmong([standby]), {
      timeoutMs: 60000,
    });
    const takeoverMs = Date.now() - killedAt;
    await sleep(7000);
    const loadFigures = await load.stop();

    const figures = await run.finish({
      accepted: load.accepted,
      since: Date.now(),
      load: loadFigures,
      details: { killedLeader: leader, killedPid: pid, newLeader: takenOver, takeoverMs },
    });

    expect(figures.accepted).toBeGreaterThan(0);
    expect(faultVerdict(figures)).toEqual(cleanVerdict);
  }, 360000);
});
