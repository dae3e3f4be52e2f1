import { LinePrefixer } from '../../scripts/supervisor/line-prefixer';
import { RestartBackoff } from '../../scripts/supervisor/restart-backoff';
import { parseReplicas, planInstances } from '../../scripts/supervisor/service-instances';

describe('the npm start supervisor, its pure parts', () => {
  it('plans one instance per service by default, on the default ports', () => {
    const plan = planInstances({});
    expect(plan.map((i) => `${i.name}:${i.port}:${i.logFile}`)).toEqual([
      'intake#1:3001:intake.log',
      'routing#1:3002:routing.log',
      'agency#1:3003:agency.log',
      'reporting#1:3004:reporting.log',
    ]);
  });

  it('plans REPLICAS instances of each: port + 100 per replica, own client id and instance id', () => {
    const plan = planInstances({ REPLICAS: '2', INTAKE_PORT: '14201' });
    const intake2 = plan.find((i) => i.name === 'intake#2');
    expect(plan).toHaveLength(8);
    expect(plan.map((i) => i.port)).toEqual([14201, 14301, 3002, 3102, 3003, 3103, 3004, 3104]);
    expect(intake2).toMatchObject({ logFile: 'intake-2.log' });
    expect(intake2?.env).toEqual({
      INTAKE_PORT: '14301',
      SAMAD_INSTANCE_ID: 'intake-2',
      KAFKA_CLIENT_ID: 'samad-intake-2',
    });
    expect(new Set(plan.map((i) => i.env.KAFKA_CLIENT_ID)).size).toBe(8);
  });

  it.each(['0', '-1', '1.5', 'two', '10'])('refuses REPLICAS=%s, naming the variable', (value) => {
    expect(() => parseReplicas(value)).toThrow(/REPLICAS must be a whole number from 1 to 9/);
  });

  it('backs off 1 s doubling to 30 s, and starts afresh after a process stayed up 60 s', () => {
    const backoff = new RestartBackoff();
    const quickDeaths = Array.from({ length: 7 }, () => backoff.nextDelay(500));
    expect(quickDeaths).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoff.nextDelay(60000)).toBe(1000);
    expect(backoff.nextDelay(59999)).toBe(2000);
  });

  it('prefixes whole lines only, keeping a line split across chunks together', () => {
    const lines: string[] = [];
    const prefixer = new LinePrefixer('intake#2 | ', (line) => lines.push(line));
    prefixer.write('{"msg":"one"}\n{"msg":"tw');
    expect(lines).toEqual(['intake#2 | {"msg":"one"}']);
    prefixer.write('o"}\nشروع');
    prefixer.flush();
    expect(lines).toEqual(['intake#2 | {"msg":"one"}', 'intake#2 | {"msg":"two"}', 'intake#2 | شروع']);
  });
});
