import { cleanVerdict, faultVerdict } from '../support/fault-checks';
import { FaultRun, sleep } from '../support/fault-run';
import { FaultSystem } from '../support/fault-system';

const OUTAGE_MS = 10000;

// Fault 2: every service reaches PostgreSQL through a proxy; for 10 s it cuts every open connection
// and refuses new ones, then accepts again. Registrations answer 503 (or, today, 500) meanwhile and are retried.
describe('fault: PostgreSQL unreachable for 10 s mid-load', () => {
  const system = new FaultSystem({ scenario: 'database-outage', basePort: 14620, databaseProxy: true });
  let run: FaultRun;

  beforeAll(async () => {
    await system.start();
    run = await FaultRun.begin(
      system,
      'database-outage',
      'every PostgreSQL connection cut, new ones refused for 10 s',
    );
  }, 180000);

  afterAll(async () => {
    await run?.close();
    await system.close();
  }, 180000);

  it('routes, delivers and counts every accepted request exactly once and parks nothing', async () => {
    const proxy = system.proxy!;
    const load = run.startLoad();
    await sleep(6000);
    await proxy.cut();
    await sleep(OUTAGE_MS);
    await proxy.open();
    await sleep(6000);
    const loadFigures = await load.stop();

    const figures = await run.finish({
      accepted: load.accepted,
      since: Date.now(),
      load: loadFigures,
      details: { outageMs: OUTAGE_MS },
    });

    expect(figures.accepted).toBeGreaterThan(0);
    expect(faultVerdict(figures)).toEqual(cleanVerdict);
  }, 360000);
});
