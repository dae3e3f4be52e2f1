import { ConfigError, loadServiceConfig } from './service-config';

describe('working calendar configuration', () => {
  it('defaults to a working Thursday and 07:30–14:30', () => {
    expect(loadServiceConfig('routing', {}).workingCalendar).toEqual({
      thursday: 'working',
      officeHours: { opens: 450, closes: 870 },
    });
  });

  it('reads CALENDAR_THURSDAY and CALENDAR_OFFICE_HOURS', () => {
    const config = loadServiceConfig('routing', {
      CALENDAR_THURSDAY: 'half',
      CALENDAR_OFFICE_HOURS: '08:00-16:00',
    });
    expect(config.workingCalendar).toEqual({ thursday: 'half', officeHours: { opens: 480, closes: 960 } });
  });

  it('names both variables when both are wrong', () => {
    try {
      loadServiceConfig('routing', { CALENDAR_THURSDAY: 'sometimes', CALENDAR_OFFICE_HOURS: '14:30-07:30' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'CALENDAR_OFFICE_HOURS',
        'CALENDAR_THURSDAY',
      ]);
    }
  });
});
