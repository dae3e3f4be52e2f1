import { cleanVerdict, faultVerdict } from '../support/fault-checks';
import { FaultRun, sleep } from '../support/fault-run';
import { FaultSystem } from '../support/fault-system';
import { kafkaBroker, kafkaBrokerAsync, killBroker } from '../support/kafka-broker';

// Fault 1: the broker's JVM dies without a controlled shutdown while operators register, and comes back.
describe('fault: the Kafka broker is killed (kill -9) mid-load and restarted', () => {
  const system = new FaultSystem({ scenario: 'broker-kill', basePort: 14600 });
  let run: FaultRun;

  beforeAll(async () => {
    await system.start();
    run = await FaultRun.begin(system, 'broker-kill', 'broker kill -9, restarted 5 s later');
  }, 180000);

  afterAll(async () => {
    kafkaBroker('start'); // whatever happened, the next test file finds the broker up
    await run?.close();
    await system.close();
  }, 180000);

  it('routes, delivers and counts every accepted request exactly once and parks nothing', async () => {
    const load = run.startLoad();
    await sleep(6000);
    const killedAt = Date.now();
    const brokerPid = await killBroker();
    await sleep(5000);
    await kafkaBrokerAsync('start');
    const brokerDownMs = Date.now() - killedAt;
    await sleep(6000);
    const loadFigures = await load.stop();

    const figures = await run.finish({
      accepted: load.accepted,
      since: Date.now(),
      load: loadFigures,
      details: { brokerPid, brokerDownMs },
    });

    expect(figures.accepted).toBeGreaterThan(0);
    expect(faultVerdict(figures)).toEqual(cleanVerdict);
  }, 360000);
});
