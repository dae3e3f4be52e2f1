import { describeRebuild, parseRebuildArguments } from './rebuild.command';

describe('samad rebuild arguments', () => {
  it('takes one read model and an optional --swap', () => {
    expect(parseRebuildArguments(['reporting'])).toEqual({ readModel: 'reporting', swap: false });
    expect(parseRebuildArguments(['--swap', 'reporting'])).toEqual({ readModel: 'reporting', swap: true });
  });

  it.each([[[]], [['agency']], [['reporting', 'agency']], [['reporting', '--force']]])('refuses %j', (argv) =>
    expect(parseRebuildArguments(argv)).toBeUndefined(),
  );

  it('tells the operator whether the rebuilt read model equals the live one, and where it is', () => {
    const fingerprint = { rows: 3, checksum: '42' };
    const report = {
      shadowSchema: 'reporting_shadow_1',
      eventsRead: 10,
      rows: 3,
      seconds: 2,
      comparison: { table: 'requests', live: fingerprint, shadow: { rows: 3, checksum: '43' }, equal: false },
    };
    expect(describeRebuild(report)).toContain('5 events/s');
    expect(describeRebuild(report)).toContain('DIFFERS');
    expect(describeRebuild(report)).toContain('shadow kept in reporting_shadow_1 for inspection');
    expect(
      describeRebuild({
        ...report,
        comparison: { ...report.comparison, equal: true },
        retiredSchema: 'r_1',
        caughtUp: 2,
      }),
    ).toContain('old one kept in r_1');
  });
});
